select c.id as customer_id, c.email, count(o.id) as orders, sum(o.amount) as revenue
from sales.customers c
left join sales.orders o on o.customer_id = c.id
group by c.id, c.email
