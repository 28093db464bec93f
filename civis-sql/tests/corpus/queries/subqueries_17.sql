select s.device, avg(s.page_views) as avg_views
from web.sessions s
where s.customer_id in (
  select customer_id from sales.orders where order_date >= '{{since}}'
)
group by s.device
