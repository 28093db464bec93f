-- note: NULLIF returns the type of its first expression (r_NULLIF_function)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select id, nullif(trim(title), '') as title
from hr.employees
