select o.id, r.timezone, r.population
from sales.orders o
left outer join public.regions r on r.code = o.region_code
