-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: numeric(12,2) / numeric(5,0): scale max(4, 2+5-0+1) = 8, precision 12-2+0+8 = 18
select id, amount / item_count as avg_line
from sales.orders
