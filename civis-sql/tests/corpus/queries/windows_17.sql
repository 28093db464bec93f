-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
select top 100 id, email,
       row_number() over (order by signup_date) as signup_rank
from sales.customers
order by signup_rank
