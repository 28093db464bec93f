with base as (
  select session_id, min(event_ts) as first_ts, max(event_ts) as last_ts
  from web.events
  group by session_id
)
select session_id, datediff(second, first_ts, last_ts) as seconds
from base
