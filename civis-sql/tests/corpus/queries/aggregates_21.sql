select event_type,
       count(*) as events,
       count(distinct customer_id) as customers,
       sum(revenue) as revenue,
       max(event_ts) as last_seen
from web.events
group by event_type
order by events desc
