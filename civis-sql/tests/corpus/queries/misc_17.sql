-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
select region_code,
       sum(amount) as revenue,
       rank() over (order by sum(amount) desc) as revenue_rank
from sales.orders
group by region_code
