-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select o.id,
       case when email like '%@%' then split_part(email, '@', 2) end as domain,
       lower(coalesce(channel, 'unknown')) as channel
from sales.customers c
join sales.orders o on o.customer_id = c.id
