select o.id, c.email, r.name as region_name
from sales.orders o
right join sales.customers c on c.id = o.customer_id
left join public.regions r on r.code = c.region_code
