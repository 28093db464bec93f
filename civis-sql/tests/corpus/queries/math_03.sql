-- note: FLOOR and CEILING return the argument's type (r_FLOOR, r_CEILING)
select id, floor(weight_kg) as kg_floor, ceil(score) as score_ceil
from sales.products p
join sales.customers c on c.id = p.id
