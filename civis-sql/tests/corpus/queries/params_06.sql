select id, dateadd(day, {{grace_days}}, due_on) as grace_end
from finance.invoices
where not paid
