select id, name from sales.customers
