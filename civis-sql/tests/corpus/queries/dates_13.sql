-- note: date and interval arithmetic is not on a function page of this doc set; taken as PostgreSQL's: date - date integer, timestamp + interval timestamp, timestamp - timestamp interval
-- note: date + integer is taken as date
select id,
       due_on - issued_on as terms,
       issued_on + 30 as day_30
from finance.invoices
