select s.session_id, s.started_at, e.event_ts, e.page_url
from web.sessions s
left join web.events e
  on e.session_id = s.session_id and e.event_type = 'page_view'
