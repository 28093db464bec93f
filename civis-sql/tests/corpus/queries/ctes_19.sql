-- note: a CTE named like a table (orders) shadows it for the unqualified name; the common type of BIGINT and INTEGER is BIGINT
with touches as (
  select c.id as customer_id, count(ct.id) as touches, max(ct.contacted_at) as last_touch
  from sales.customers c
  left join marketing.contacts ct on ct.customer_id = c.id
  group by c.id
),
orders as (
  select customer_id, count(*) as orders
  from sales.orders
  group by customer_id
)
select t.customer_id, t.touches, t.last_touch, coalesce(o.orders, 0) as orders
from touches t
left join orders o on o.customer_id = t.customer_id
