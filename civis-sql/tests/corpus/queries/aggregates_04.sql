select event_type,
       percentile_cont(0.5) within group (order by revenue) as p50_revenue,
       percentile_cont(0.9) within group (order by revenue) as p90_revenue
from web.events
group by event_type
