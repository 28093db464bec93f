select distinct c.region_code, r.timezone
from sales.customers c
join public.regions r on r.code = c.region_code
