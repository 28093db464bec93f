-- note: DATE_TRUNC returns TIMESTAMP (r_DATE_TRUNC)
select date_trunc('month', order_date) as month, count(*) as orders
from sales.orders
group by 1
order by 1
