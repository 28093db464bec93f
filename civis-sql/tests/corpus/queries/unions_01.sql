-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
-- note: UNION of numeric(12,2) and numeric(14,2): scale 2, precision max(10,12) + 2 = 14 (r_UNION usage notes)
select id, 'order' as kind, amount
from sales.orders
union all
select id, 'invoice' as kind, total
from finance.invoices
