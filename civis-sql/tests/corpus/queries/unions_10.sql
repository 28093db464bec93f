select customer_id from sales.orders
intersect
select customer_id from finance.invoices
