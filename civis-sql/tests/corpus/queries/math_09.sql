-- note: a decimal literal has no documented type; taken as numeric(<digits>,<digits after the point>)
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: numeric(10,0) / numeric(5,1): scale max(4, 0+5-1+1) = 5, precision 10-0+1+5 = 16
select event_id,
       revenue * 1.1 as revenue_up,
       duration_ms / 1000.0 as seconds
from web.events
