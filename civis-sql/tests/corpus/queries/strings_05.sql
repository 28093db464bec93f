-- note: SUBSTRING, LEFT and RIGHT return VARCHAR (r_SUBSTRING, r_LEFT)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select substring(name, 1, 20) as short_name,
       left(sku, 4) as sku_family,
       right(sku, 4) as sku_suffix
from sales.products
