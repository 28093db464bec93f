-- note: LISTAGG returns VARCHAR(MAX), i.e. character varying(65535) (r_LISTAGG)
select discontinued,
       listagg(distinct category, ', ') within group (order by category) as categories
from sales.products
group by discontinued
