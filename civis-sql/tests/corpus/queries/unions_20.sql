select id, total as amount, issued_on as day from finance.invoices
minus
select invoice_id, amount, paid_at::date from finance.payments
