select session_id, event_type,
       count(*) over (partition by session_id) as events_in_session
from web.events
