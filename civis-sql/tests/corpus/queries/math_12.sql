-- note: the numeric type of COALESCE/NVL/DECODE/CASE/UNION follows r_numeric_computations201's set-operator rule: scale = max(s1,s2), precision = max(p1-s1,p2-s2) + scale
-- note: GREATEST and LEAST ignore NULLs and return NULL only when every argument is NULL (r_GREATEST_LEAST): not null when one argument is
select id,
       greatest(issued_on, due_on) as latest_day,
       least(total, tax) as smaller
from finance.invoices
