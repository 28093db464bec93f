-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
-- note: RANK returns INTEGER (r_WF_RANK)
with daily as (
  select order_date, sum(amount) as revenue
  from sales.orders
  group by order_date
),
ranked as (
  select order_date, revenue, rank() over (order by revenue desc) as rnk
  from daily
)
select order_date, revenue, rnk
from ranked
where rnk <= 10
