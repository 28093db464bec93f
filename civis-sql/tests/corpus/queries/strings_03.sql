-- note: || and CONCAT return 'the same type as the input arguments' (r_concat_op); the length is taken as the sum of the input lengths
select id, concat(category, name) as label
from sales.products
