select distinct on_time
from (
  select due_on >= issued_on as on_time from finance.invoices
) t
