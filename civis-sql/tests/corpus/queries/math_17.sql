-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: sum(numeric(21,2)) = numeric(38,2); / numeric(19,0): scale max(4, 2+19+1) = 22, precision 38-2+0+22 = 58, so scale max(38+22-58, 4) = 4
-- note: a division whose precision passes 38 becomes precision 38, scale max(38 + scale - precision, 4) (r_numeric_computations201, 'Notes on division operations')
select order_id, sum(quantity * unit_price) / sum(quantity) as avg_unit_price
from sales.order_items
group by order_id
