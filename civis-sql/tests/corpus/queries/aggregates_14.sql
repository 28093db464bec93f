select campaign_id,
       count(*) as touches,
       count(customer_id) as matched,
       sum(cost) as spend,
       avg(click_count) as avg_clicks,
       sum(case when opened then 1 else 0 end)::float / count(*) as open_rate
from marketing.contacts
group by campaign_id
