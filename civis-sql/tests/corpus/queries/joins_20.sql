select distinct c.region_code, r.name
from sales.customers c
left join public.regions r on r.code = c.region_code
