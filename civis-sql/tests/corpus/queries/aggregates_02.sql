select channel, count(distinct customer_id) as buyers
from sales.orders
group by channel
having count(*) > {{min_orders}}
