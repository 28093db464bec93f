-- note: || and CONCAT return 'the same type as the input arguments' (r_concat_op); the length is taken as the sum of the input lengths
-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select id, 'Q' || extract(quarter from order_date)::varchar(1) as quarter
from sales.orders
