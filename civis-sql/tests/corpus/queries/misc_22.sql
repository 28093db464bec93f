select o.*
from sales.orders o
where o.id = {{id}}
