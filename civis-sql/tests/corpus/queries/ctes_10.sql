with monthly as (
  select date_trunc('month', created_at) as month, count(*) as orders
  from sales.orders
  group by 1
)
select month, orders, lag(orders) over (order by month) as prev_orders
from monthly
