-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: coalesce(numeric(38,2), 0) is a 128-bit decimal, so the 38 cap of r_UNION applies
-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select customer_id,
       coalesce(sum(amount), 0) as revenue,
       nvl(max(shipped_at), '1970-01-01'::timestamptz) as last_shipped,
       case when count(*) > 10 then 'loyal' when count(*) > 1 then 'repeat' else 'new' end as segment
from sales.orders
group by customer_id
