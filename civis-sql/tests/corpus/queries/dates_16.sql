-- note: DATE_TRUNC returns TIMESTAMP (r_DATE_TRUNC), taken so also for a TIMESTAMPTZ argument
select date_trunc('day', event_ts) as day, count(*) as events
from web.events
group by 1
