select event_id,
       regexp_count(page_url, '/') as depth,
       position('?' in page_url) as query_at,
       strpos(page_url, '#') as hash_at,
       charindex('utm_', page_url) as utm_at
from web.events
