-- note: DATE_PART returns DOUBLE (r_DATE_PART_function)
select date_part(year, order_date) as year, sum(amount) as revenue
from sales.orders
group by 1
order by 1
