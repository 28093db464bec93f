-- note: CASE is not named by the set-operator rule of r_numeric_computations201; taken like DECODE (r_DECODE_expression: 'equivalent to ... a simple CASE expression')
-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: coalesce(tax, 0) = numeric(12,2); total - that = numeric(15,2); case of numeric(14,2) and numeric(15,2) = numeric(15,2)
select id,
       case when paid then total else total - coalesce(tax, 0) end as amount_due
from finance.invoices
