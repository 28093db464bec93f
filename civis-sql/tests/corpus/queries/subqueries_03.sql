-- note: a scalar subquery whose select has aggregates and no GROUP BY always gives exactly one row, and COUNT is never NULL: not null
select p.id,
       (select count(*) from sales.order_items oi where oi.product_id = p.id) as times_sold
from sales.products p
