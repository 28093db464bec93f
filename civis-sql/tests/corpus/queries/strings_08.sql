-- note: REGEXP_REPLACE returns VARCHAR (REGEXP_REPLACE); a replacement can make the text longer than its input, so no length bounds it: taken as character varying without a length
select id, regexp_replace(notes, '\\s+', ' ') as notes_clean
from finance.invoices
