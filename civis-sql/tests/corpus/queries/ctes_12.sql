-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: coalesce(numeric(38,2), 0) is a 128-bit decimal, so the 38 cap of r_UNION applies
-- note: an addition, subtraction or multiplication whose precision passes 38 is capped at 38 with its scale kept ('the maximum result precision is 38', r_numeric_computations201)
with pay as (
  select invoice_id, sum(amount) as paid, max(paid_at) as last_paid_at
  from finance.payments
  group by invoice_id
)
select i.id, i.total, coalesce(p.paid, 0) as paid, p.last_paid_at,
       i.total - coalesce(p.paid, 0) as balance
from finance.invoices i
left join pay p on p.invoice_id = i.id
