select o.id, o.amount, c.region_code
from sales.orders o
left join sales.customers c on c.id = o.customer_id
where o.order_date >= '{{since}}' and o.amount > {{min}}
