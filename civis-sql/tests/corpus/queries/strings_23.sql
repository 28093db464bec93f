-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select lower(trim(email)) as email_key, count(*) as accounts
from sales.customers
group by 1
having count(*) > 1
