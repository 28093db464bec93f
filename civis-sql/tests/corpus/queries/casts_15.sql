-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: numeric(20,0) / numeric(10,0): scale max(4, 0+10-0+1) = 11, precision 20-0+0+11 = 31
select code, population::numeric(20,0) / 1000 as pop_thousands
from public.regions
