select region_code, is_active, count(*) as customers
from sales.customers
group by 1, 2
order by 3 desc
