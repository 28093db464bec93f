select id, to_date('{{start}}', 'YYYY-MM-DD') as start_day
from sales.orders
where order_date between to_date('{{start}}', 'YYYY-MM-DD') and to_date('{{end}}', 'YYYY-MM-DD')
