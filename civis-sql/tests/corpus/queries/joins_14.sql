select ct.id, cp.name as campaign, cp.channel, c.first_name, ct.contacted_at, ct.outcome
from marketing.contacts ct
join marketing.campaigns cp on cp.id = ct.campaign_id
left join sales.customers c on c.id = ct.customer_id
