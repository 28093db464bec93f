select id,
       order_id::varchar(20) as order_ref,
       (total - coalesce(tax, 0))::numeric(14,2) as net
from finance.invoices
