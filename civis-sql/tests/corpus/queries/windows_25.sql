-- note: PERCENTILE_DISC returns the type of its ORDER BY expression (r_WF_PERCENTILE_DISC)
select customer_id, id, amount,
       percentile_disc(0.5) within group (order by amount) over (partition by customer_id) as median_order
from sales.orders
