select t.customer_id, t.orders
from (
  select customer_id, count(*) as orders
  from sales.orders
  group by customer_id
) t
where t.orders > 5
