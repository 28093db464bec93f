-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
with product_sales as (
  select product_id, sum(quantity) as units, sum(quantity * unit_price) as revenue
  from sales.order_items
  group by product_id
)
select p.name, p.category, ps.units, ps.revenue
from sales.products p
join product_sales ps on ps.product_id = p.id
order by ps.revenue desc
limit 20
