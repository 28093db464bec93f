-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: coalesce(numeric(38,2), 0) is a 128-bit decimal, so the 38 cap of r_UNION applies: numeric(38,2)
-- note: an addition, subtraction or multiplication whose precision passes 38 is capped at 38 with its scale kept ('the maximum result precision is 38', r_numeric_computations201)
with a as (
  select customer_id, sum(total) as invoiced
  from finance.invoices
  group by customer_id
),
b as (
  select i.customer_id, sum(pm.amount) as paid
  from finance.payments pm
  join finance.invoices i on i.id = pm.invoice_id
  group by i.customer_id
)
select a.customer_id, a.invoiced, b.paid, a.invoiced - coalesce(b.paid, 0) as outstanding
from a
left join b on b.customer_id = a.customer_id
