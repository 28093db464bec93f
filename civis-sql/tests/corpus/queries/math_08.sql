-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: multiplication: precision p1+p2+1, scale s1+s2 (r_numeric_computations201)
select order_id,
       quantity * unit_price as line_total,
       unit_price * tax_rate as tax_per_unit
from sales.order_items
