select id from sales.customers
except
select customer_id from sales.orders
