select x.email, x.order_id
from (
  select c.email, o.id as order_id
  from sales.customers c
  left join sales.orders o on o.customer_id = c.id
) x
where x.order_id is null
