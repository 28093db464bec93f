-- note: TRUNC returns the type of its first argument (r_TRUNC)
select oi.order_id, trunc(oi.weight_kg) as kg, trunc(c.score, 2) as score_trunc
from sales.order_items oi
join sales.orders o on o.id = oi.order_id
join sales.customers c on c.id = o.customer_id
