select c.id, c.email, r.*
from sales.customers c
left join public.regions r on r.code = c.region_code
