select cp.id, cp.name, t.touches
from marketing.campaigns cp
left join (
  select campaign_id, count(*) as touches
  from marketing.contacts
  group by campaign_id
) t on t.campaign_id = cp.id
