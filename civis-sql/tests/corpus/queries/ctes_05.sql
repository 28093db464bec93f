-- note: AVG of an integer type is BIGINT (r_AVG)
with s as (
  select * from web.sessions where started_at >= '{{since}}'
)
select device, count(*) as sessions, avg(page_views) as avg_views
from s
group by device
