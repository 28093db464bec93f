-- note: MD5 returns 'a 32-character string' (r_MD5); taken as character varying(32)
select md5(email) as email_hash, id
from sales.customers
