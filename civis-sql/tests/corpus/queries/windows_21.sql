select session_id, started_at,
       lead(started_at) over (partition by customer_id order by started_at) as next_start,
       datediff(minute, started_at, lead(started_at) over (partition by customer_id order by started_at)) as minutes_to_next
from web.sessions
