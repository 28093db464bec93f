-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select customer_id, 'web' as source, count(*) as touches
from web.sessions
where customer_id is not null
group by customer_id
union all
select customer_id, 'email', count(*)
from marketing.contacts
where customer_id is not null
group by customer_id
order by touches desc
