-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
-- note: || and CONCAT return 'the same type as the input arguments' (r_concat_op); the length is taken as the sum of the input lengths
-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
-- note: character varying(60) || character varying(1) || character(2): the length 60 + 1 + 2
select id,
       trim(both ' ' from full_name) as name_trimmed,
       substring(full_name, 2) as name_tail,
       left(title, 10) as title_short,
       upper(department) || '-' || lower(region_code) as team_key
from hr.employees
