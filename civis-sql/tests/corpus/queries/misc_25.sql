select pm.id as "payment_id!", pm.amount as "amount: rust_decimal::Decimal", i.notes as "notes?"
from finance.payments pm
join finance.invoices i on i.id = pm.invoice_id
