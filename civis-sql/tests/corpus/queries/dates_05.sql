select session_id,
       date_part(dow, started_at) as dow,
       date_part('hour', started_at) as hour
from web.sessions
