select c.region_code, s.total
from sales.customers c
join (
  select customer_id, sum(amount) as total
  from sales.orders
  group by customer_id
) s on s.customer_id = c.id
