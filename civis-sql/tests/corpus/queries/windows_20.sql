-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
select region_code, last_name,
       dense_rank() over (partition by region_code order by last_name) as name_rank
from sales.customers
