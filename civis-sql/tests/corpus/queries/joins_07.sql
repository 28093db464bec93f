select r.name as region, r.country, c.id as customer_id, c.email
from sales.customers c
join public.regions r on r.code = c.region_code
