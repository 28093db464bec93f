select event_type,
       avg(duration_ms) as avg_ms,
       avg(duration_ms::float) as avg_ms_exact,
       avg(duration_ms::numeric(12,2)) as avg_ms_dec
from web.events
group by event_type
