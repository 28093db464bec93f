-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select id, coalesce(channel, 'unknown') as channel
from sales.orders
