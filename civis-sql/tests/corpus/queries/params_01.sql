select id, amount
from sales.orders
where order_date >= '{{since}}' and amount > {{min}}
