select o.id, c.email
from sales.orders o
left join sales.customers c on c.id = o.customer_id
where o.id = {{order_id}}
