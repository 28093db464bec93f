select code as region from public.regions
union
select region_code from sales.customers
