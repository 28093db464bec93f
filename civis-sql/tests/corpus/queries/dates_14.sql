-- note: date and interval arithmetic is not on a function page of this doc set; taken as PostgreSQL's: date - date integer, timestamp + interval timestamp, timestamp - timestamp interval
select session_id,
       started_at + interval '30 minutes' as timeout_at,
       ended_at - started_at as duration
from web.sessions
