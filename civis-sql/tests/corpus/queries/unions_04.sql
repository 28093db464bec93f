-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: UNION of numeric(12,2) and numeric(10,0): scale 2, precision max(10,10) + 2 = 12
select amount as value from sales.orders
union all
select quantity from sales.order_items
