select id, shipped_at as at from sales.orders
union all
select id, null from finance.invoices
