select e.*, s.device
from web.events e
left join web.sessions s on s.session_id = e.session_id
limit 100
