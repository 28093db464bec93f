with recent as (
  select id, customer_id, amount
  from sales.orders
  where order_date >= dateadd(day, -30, current_date)
)
select customer_id, count(*) as orders, sum(amount) as total
from recent
group by customer_id
