-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
-- note: || and CONCAT return 'the same type as the input arguments' (r_concat_op); the length is taken as the sum of the input lengths
-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select id, upper(left(last_name, 1)) || '.' as initial
from sales.customers
