select id, amount
from sales.orders
where order_date >= '{{day}}' and created_at >= '{{day}}'
