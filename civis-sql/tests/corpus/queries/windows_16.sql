select invoice_id, paid_at, amount,
       min(paid_at) over (partition by invoice_id) as first_paid_at,
       amount - lag(amount) over (partition by invoice_id order by paid_at) as change
from finance.payments
