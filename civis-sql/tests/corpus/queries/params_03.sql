select event_type, count(*) as events
from web.events
where event_ts >= '{{start}}'::timestamptz and event_ts < '{{end}}'::timestamptz
group by event_type
