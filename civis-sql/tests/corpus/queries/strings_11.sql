-- note: REPLACE and TRANSLATE return VARCHAR (r_REPLACE, r_TRANSLATE)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select id,
       replace(name, '&', 'and') as name_clean,
       translate(sku, '-', '') as sku_compact
from sales.products
