select s.session_id, e.event_type
from web.sessions s
join web.events e on e.session_id = s.session_id
where s.started_at between '{{from}}' and '{{to}}'
  and e.duration_ms > {{min_ms}}
