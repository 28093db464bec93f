select event_ts, revenue,
       avg(revenue) over (order by event_ts rows between 6 preceding and current row) as moving_avg
from web.events
where revenue is not null
