select o.id, oi.line_no, p.category, p.list_price,
       oi.unit_price - p.list_price as price_delta
from sales.orders o
join sales.order_items oi on oi.order_id = o.id
left join sales.products p on p.id = oi.product_id
