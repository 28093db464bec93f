-- note: the common type of BIGINT and INTEGER is BIGINT
select r.code, r.name, coalesce(x.customers, 0) as customers
from public.regions r
left join (
  select region_code, count(*) as customers
  from sales.customers
  group by region_code
) x on x.region_code = r.code
