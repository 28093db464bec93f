select session_id, s.device, e.event_type
from web.sessions s
join web.events e using (session_id)
