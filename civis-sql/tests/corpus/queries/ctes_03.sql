with t (customer_id, first_order) as (
  select customer_id, min(order_date)
  from sales.orders
  group by customer_id
)
select c.email, t.first_order
from sales.customers c
join t on t.customer_id = c.id
