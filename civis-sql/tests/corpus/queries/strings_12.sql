-- note: LPAD and RPAD return VARCHAR (r_LPAD)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select lpad(id::varchar(10), 10, '0') as padded_id, currency
from finance.invoices
