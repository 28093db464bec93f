-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select id, nvl2(shipped_at, 'shipped', 'pending') as ship_state
from sales.orders
