select c.email, o.id as order_id, o.status
from sales.orders o
right join sales.customers c on c.id = o.customer_id
where c.is_active
