select id, case when discount > 0 then true else false end as discounted
from sales.orders
