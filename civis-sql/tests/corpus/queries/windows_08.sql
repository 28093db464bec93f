-- note: window AVG of INTEGER is BIGINT (r_WF_AVG)
select product_id, quantity,
       avg(quantity) over (partition by product_id) as avg_qty
from sales.order_items
