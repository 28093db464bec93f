-- note: TRUNC returns the type of its first argument (r_TRUNC)
select id, trunc(score, 2) as score_trunc, trunc(weight_kg) as kg
from sales.customers c
join sales.products p on p.id = c.id
