with t as (
  select event_type, event_ts::date as day from web.events
)
select day, event_type, count(*) as n
from t
group by day, event_type
