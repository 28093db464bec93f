select p.*
from sales.products p
join sales.order_items oi on oi.product_id = p.id
where oi.order_id = {{order_id}}
