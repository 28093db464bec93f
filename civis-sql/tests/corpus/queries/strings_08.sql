-- note: REGEXP_REPLACE returns VARCHAR (REGEXP_REPLACE)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select id, regexp_replace(notes, '\\s+', ' ') as notes_clean
from finance.invoices
