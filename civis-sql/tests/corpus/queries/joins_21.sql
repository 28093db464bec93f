select i.id as invoice_id, o.status as order_status, o.channel
from finance.invoices i
left join sales.orders o on o.id = i.order_id
where i.issued_on >= current_date - 90
