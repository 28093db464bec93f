select session_id
from web.events
group by session_id
having count(distinct event_type) >= 3
