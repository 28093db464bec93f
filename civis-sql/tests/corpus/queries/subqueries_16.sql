-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select o.id,
       case when exists (select 1 from finance.invoices i where i.order_id = o.id)
            then 'invoiced' else 'open' end as billing
from sales.orders o
