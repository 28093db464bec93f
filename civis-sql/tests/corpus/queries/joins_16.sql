select o.id, c.email
from sales.orders o, sales.customers c
where c.id = o.customer_id
  and o.status = 'shipped'
