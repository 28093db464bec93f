-- note: FLOOR and CEILING return the argument's type (r_FLOOR, r_CEILING)
select oi.order_id, floor(oi.weight_kg) as kg_floor, ceil(c.score) as score_ceil
from sales.order_items oi
join sales.orders o on o.id = oi.order_id
join sales.customers c on c.id = o.customer_id
