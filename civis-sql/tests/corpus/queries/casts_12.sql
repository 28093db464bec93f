select event_id, json_extract_path_text(properties, 'position')::int as position
from web.events
where event_type = 'search'
