-- note: REPLACE and TRANSLATE return VARCHAR (r_REPLACE, r_TRANSLATE)
-- note: REPLACE can make the text longer than its input, so no length bounds it: taken as character varying without a length
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression') (TRANSLATE never lengthens its input)
select id,
       replace(name, '&', 'and') as name_clean,
       translate(sku, '-', '') as sku_compact
from sales.products
