-- note: NULLIF returns the type of its first argument and can be NULL (r_NULLIF_function)
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
select id, amount / nullif(item_count, 0) as per_item
from sales.orders
