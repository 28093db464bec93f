select oi.order_id, oi.line_no, p.sku, p.name as product_name, oi.quantity, oi.unit_price
from sales.order_items oi
join sales.products p on p.id = oi.product_id
where not p.discontinued
