-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: a decimal literal has no documented type; taken as numeric(<digits>,<digits after the point>)
-- note: least(numeric(5,4), numeric(2,1)): scale 4, precision max(1,1) + 4 = 5
-- note: GREATEST and LEAST ignore NULLs (r_GREATEST_LEAST): not null when one argument is
select id,
       greatest(amount, 0) as non_negative,
       least(discount, 0.5) as capped_discount
from sales.orders
