-- note: UPPER and LOWER return 'the same data type as the input string' (r_UPPER, r_LOWER)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select upper(region_code) as region, lower(email) as email_lc, initcap(first_name) as first_name
from sales.customers
