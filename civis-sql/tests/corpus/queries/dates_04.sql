-- note: EXTRACT returns INTEGER for TIMESTAMP (a DATE converts to one) and DOUBLE PRECISION for TIMESTAMPTZ (r_EXTRACT_function)
select id,
       extract(year from order_date) as yr,
       extract(month from created_at) as mon,
       extract(hour from shipped_at) as ship_hour
from sales.orders
