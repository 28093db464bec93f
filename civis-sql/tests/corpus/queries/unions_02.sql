-- note: the common type of BIGINT and INTEGER is BIGINT
select id from sales.orders
union
select id from sales.customers
