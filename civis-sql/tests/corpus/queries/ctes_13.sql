-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
-- note: NTILE returns BIGINT (r_WF_NTILE)
with active as (
  select id from sales.customers where is_active
),
spend as (
  select customer_id, sum(amount) as spend
  from sales.orders
  where customer_id in (select id from active)
  group by customer_id
)
select ntile(10) over (order by spend) as decile, customer_id, spend
from spend
