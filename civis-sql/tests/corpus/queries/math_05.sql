-- note: MOD of two INTEGERs is INTEGER; % is MOD (r_MOD)
select id, mod(customer_id, 7) as shard, customer_id % 100 as bucket
from sales.orders
