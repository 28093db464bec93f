-- note: the common type of DECIMAL and DOUBLE PRECISION is taken as DOUBLE PRECISION
select id, nvl(lifetime_value, score) as value
from sales.customers
