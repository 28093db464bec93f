-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select id,
       case when amount >= 500 then 'large'
            when amount >= 100 then 'medium'
            else 'small' end as size
from sales.orders
