select id, amount
from sales.orders o
where amount > (select avg(amount) from sales.orders o2 where o2.customer_id = o.customer_id)
