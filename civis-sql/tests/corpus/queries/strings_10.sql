-- note: TRIM in a SELECT list gives VARCHAR (r_TRIM); BTRIM VARCHAR (r_BTRIM); LTRIM and RTRIM the input's type (r_LTRIM, r_RTRIM)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select trim(first_name) as first_name,
       btrim(last_name) as last_name,
       ltrim(region_code) as region,
       rtrim(email) as email
from sales.customers
