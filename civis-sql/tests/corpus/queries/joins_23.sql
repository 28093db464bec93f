-- note: invoices sits on the outer side of the left join, so its columns are nullable by the issue's rule (although the inner join's condition drops those NULL rows); payments is inner-joined: not null
select o.id, i.total, pm.amount
from sales.orders o
left join finance.invoices i on i.order_id = o.id
join finance.payments pm on pm.invoice_id = i.id
