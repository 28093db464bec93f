select session_id,
       local_start::varchar(8) as local_start_text,
       started_at::date as day,
       page_views::numeric(5,0) as views_dec
from web.sessions
