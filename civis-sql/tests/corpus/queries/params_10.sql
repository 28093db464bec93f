-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select id,
       case when amount >= {{big}} then 'big' else 'small' end as size
from sales.orders
