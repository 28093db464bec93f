-- note: GREATEST ignores NULLs (r_GREATEST_LEAST)
select session_id, greatest(started_at, ended_at) as last_ts
from web.sessions
