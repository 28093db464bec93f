-- note: CONVERT_TIMEZONE returns TIMESTAMP (CONVERT_TIMEZONE)
select event_id,
       convert_timezone('America/New_York', event_ts) as local_ts,
       convert_timezone('UTC', 'America/Chicago', created_at) as created_central
from web.events e
join sales.orders o on o.customer_id = e.customer_id
