-- note: DATEADD of a DATE returns TIMESTAMP (r_DATEADD_function)
select id,
       dateadd(day, 30, issued_on) as reminder_at,
       dateadd(month, 1, due_on) as grace_until
from finance.invoices
