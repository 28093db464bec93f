select count(*) as n, count(distinct session_id) as sessions, min(event_ts) as first_seen
from web.events
where customer_id = {{customer_id}}
