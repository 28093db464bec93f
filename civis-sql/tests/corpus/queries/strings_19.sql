-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select event_id, substring(page_url from 9 for 30) as host_part
from web.events
