-- note: a decimal literal is numeric of its digits, trailing zeros of its fraction dropped: r_numeric_computations201's
--       example `pricepaid * .20` on a decimal(8,2) prints 37.400 (scale 3), so `.20` has scale 1 (the analysis's rule)
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: numeric(10,0) / numeric(4,0) (1000.0): scale max(4, 0+4-0+1) = 5, precision 10-0+0+5 = 15
select event_id,
       revenue * 1.1 as revenue_up,
       duration_ms / 1000.0 as seconds
from web.events
