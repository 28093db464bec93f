-- note: REVERSE and INITCAP return VARCHAR (r_REVERSE, r_INITCAP)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select reverse(sku) as sku_rev, initcap(category) as category
from sales.products
