select pm.id as payment_id, pm.paid_at, pm.amount, i.total, c.email,
       pm.amount - i.total as over_under
from finance.payments pm
join finance.invoices i on i.id = pm.invoice_id
join sales.customers c on c.id = i.customer_id
