-- note: the override name!: Type gives both: not null, and the Rust type
select o.id, c.email as "email!", c.score as "score!: f32"
from sales.orders o
left join sales.customers c on c.id = o.customer_id
