with all_touch as (
  select customer_id, contacted_at as touched_at from marketing.contacts
  union all
  select customer_id, started_at from web.sessions
)
select customer_id, max(touched_at) as last_touch
from all_touch
group by customer_id
