select id, name
from sales.products
where category in ('{{cat_a}}', '{{cat_b}}')
