-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: coalesce(numeric(8,2), 0) = numeric(12,2); numeric(12,2) + numeric(12,2) = numeric(13,2)
select id, amount + coalesce(shipping_cost, 0) as gross
from sales.orders
