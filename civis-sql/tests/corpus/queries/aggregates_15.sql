-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: quantity * unit_price = numeric(21,2); coalesce(tax_rate, 0) = numeric(15,5); 1 + that = numeric(16,5); the product numeric(38,7)
select p.category,
       sum(oi.quantity) as units,
       sum(oi.quantity * oi.unit_price) as revenue,
       sum(oi.quantity * oi.unit_price * (1 + coalesce(oi.tax_rate, 0))) as revenue_with_tax
from sales.order_items oi
join sales.products p on p.id = oi.product_id
group by p.category
