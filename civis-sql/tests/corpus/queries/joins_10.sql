select cp.id as campaign_id, r.code as region
from marketing.campaigns cp
cross join public.regions r
where cp.starts_on >= '2026-01-01'
