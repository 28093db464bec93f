select c.id,
       exists (select 1 from sales.orders o where o.customer_id = c.id) as has_ordered
from sales.customers c
