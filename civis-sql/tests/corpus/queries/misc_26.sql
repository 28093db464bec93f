-- note: a later select-list expression may name an earlier alias: Redshift inlines it (r_SELECT_list, lateral alias reference)
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
select id,
       amount * 2 as double_amount,
       double_amount + 1 as plus_one
from sales.orders
