-- note: a scalar subquery is taken as nullable (it can return no row), whatever its select list
select c.id,
       (select max(o.order_date) from sales.orders o where o.customer_id = c.id) as last_order
from sales.customers c
