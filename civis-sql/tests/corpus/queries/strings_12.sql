-- note: LPAD and RPAD return VARCHAR (r_LPAD); the padded length is a value, not the input's type, so no length bounds it: taken as character varying without a length
select lpad(id::varchar(10), 10, '0') as padded_id, currency
from finance.invoices
