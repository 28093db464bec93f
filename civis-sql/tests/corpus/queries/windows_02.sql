-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
-- note: RANK and DENSE_RANK return INTEGER (r_WF_RANK, r_WF_DENSE_RANK)
select name, category, list_price,
       rank() over (partition by category order by list_price desc) as price_rank,
       dense_rank() over (order by list_price desc) as overall_rank
from sales.products
