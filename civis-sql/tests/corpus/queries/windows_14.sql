-- note: window SUM of INTEGER is BIGINT (r_WF_SUM)
select session_id, duration_ms,
       sum(duration_ms) over (partition by session_id order by event_ts rows unbounded preceding) as cumulative_ms
from web.events
