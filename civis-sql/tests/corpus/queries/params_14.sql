select id, name
from sales.products
where name ilike '%{{term}}%'
