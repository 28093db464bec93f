-- note: TO_CHAR returns VARCHAR with no documented length (r_TO_CHAR); taken as character varying without a length
select id,
       to_char(order_date, 'YYYY-MM') as month_label,
       to_char(created_at, 'HH24:MI') as time_label
from sales.orders
