-- note: the common type of character varying(100) and character varying(256) is taken as character varying(256)
select id, coalesce(first_name, split_part(email, '@', 1)) as greeting_name
from sales.customers
