-- note: INTERSECT returns only rows that both queries return (r_UNION), so a column is NULL only where both queries' can be
select customer_id from web.sessions
intersect
select id from sales.customers
