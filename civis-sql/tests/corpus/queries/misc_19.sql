select id order_id, amount total
from sales.orders
