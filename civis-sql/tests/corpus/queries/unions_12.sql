-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select 'orders' as source, count(*) as n from sales.orders
union all
select 'invoices', count(*) from finance.invoices
union all
select 'payments', count(*) from finance.payments
