select id,
       datediff(day, issued_on, due_on) as terms_days,
       datediff(day, due_on, current_date) as days_overdue
from finance.invoices
where not paid
