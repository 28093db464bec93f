-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: coalesce(numeric(5,4), 0) = numeric(14,4); 1 - that = numeric(15,4); numeric(12,2) * numeric(15,4) = numeric(28,6)
select id, amount * (1 - coalesce(discount, 0)) as net_amount
from sales.orders
