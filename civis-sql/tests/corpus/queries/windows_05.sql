-- note: FIRST_VALUE/LAST_VALUE/NTH_VALUE are taken as nullable like the other window aggregates (the issue: other aggregates nullable)
select session_id, event_ts,
       first_value(page_url) over (partition by session_id order by event_ts
                                   rows between unbounded preceding and unbounded following) as landing_page,
       last_value(page_url) over (partition by session_id order by event_ts
                                  rows between unbounded preceding and unbounded following) as exit_page
from web.events
