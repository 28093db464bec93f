-- note: a scalar subquery is taken as nullable (it can return no row), whatever its select list
select p.id,
       (select count(*) from sales.order_items oi where oi.product_id = p.id) as times_sold
from sales.products p
