select product_id, quantity::numeric(10,2) * unit_price as line_total
from sales.order_items
