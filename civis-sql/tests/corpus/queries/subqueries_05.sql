select id, email
from sales.customers
where id in (select customer_id from finance.invoices where not paid)
