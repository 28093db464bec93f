select cp.name, count(ct.id) as touches
from marketing.campaigns cp
left join marketing.contacts ct
  on ct.campaign_id = cp.id and ct.contacted_at >= '{{since}}'
where cp.channel = '{{channel}}'
group by cp.name
