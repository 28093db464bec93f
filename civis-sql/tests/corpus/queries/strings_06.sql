-- note: SPLIT_PART returns 'a CHAR or VARCHAR string, the same as the string parameter' (SPLIT_PART)
select split_part(email, '@', 2) as domain, count(*) as customers
from sales.customers
group by 1
order by 2 desc
