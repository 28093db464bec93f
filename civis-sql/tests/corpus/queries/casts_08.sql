select id,
       total::float8 as total_f,
       tax::varchar(20) as tax_text,
       currency::varchar(3) as currency_v
from finance.invoices
