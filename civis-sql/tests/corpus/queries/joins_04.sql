select coalesce(i.customer_id, c.id) as customer_id, i.total, c.email
from finance.invoices i
full outer join sales.customers c on c.id = i.customer_id
