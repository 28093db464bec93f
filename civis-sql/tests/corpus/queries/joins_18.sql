select oi.order_id, oi.weight_kg, p.weight_kg as catalog_weight,
       coalesce(oi.weight_kg, p.weight_kg) as weight
from sales.order_items oi
left join sales.products p on p.id = oi.product_id
