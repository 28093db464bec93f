-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: INT4 + FLOAT4 is FLOAT8 and DECIMAL * FLOAT8 is FLOAT8 (r_numeric_computations201, return types)
select id, salary * (1 + bonus_pct) as total_comp, salary * 12 as salary_x12
from hr.employees
