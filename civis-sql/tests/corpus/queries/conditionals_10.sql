select c.id, coalesce(c.first_name, c.last_name, c.email) as display_name
from sales.customers c
