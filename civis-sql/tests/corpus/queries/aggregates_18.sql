select count(*) as n, count(1) as n1, count(shipped_at) as shipped
from sales.orders
