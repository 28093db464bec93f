-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
select id, customer_id, order_date,
       row_number() over (partition by customer_id order by created_at) as order_seq
from sales.orders
