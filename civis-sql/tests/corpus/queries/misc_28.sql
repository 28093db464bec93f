-- note: an aggregate without an alias is named after its function, as in PostgreSQL
select status, count(*), sum(amount), max(order_date)
from sales.orders
group by status
