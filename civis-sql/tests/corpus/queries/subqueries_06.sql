select p.id, p.name
from sales.products p
where not exists (select 1 from sales.order_items oi where oi.product_id = p.id)
