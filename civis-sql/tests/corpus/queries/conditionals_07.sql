-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
-- note: DECODE without a default returns NULL when nothing matches (r_DECODE_expression)
select id,
       decode(channel, 'web', 1, 'store', 2, 0) as channel_code,
       decode(region_code, 'NY', 'East', 'CA', 'West') as coast
from sales.orders
