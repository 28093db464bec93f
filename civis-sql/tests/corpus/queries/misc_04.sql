-- note: overrides as sqlx writes them: name! not null, name? nullable, name: Type a Rust type
select id as "id!", amount as "amount: f64", shipped_at as "shipped_at?"
from sales.orders
