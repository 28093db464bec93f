select session_id, case when bounce then null else page_views end as engaged_views
from web.sessions
