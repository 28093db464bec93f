-- note: a scalar subquery is taken as nullable (it can return no row), whatever its select list
-- note: an addition, subtraction or multiplication whose precision passes 38 is capped at 38 with its scale kept ('the maximum result precision is 38', r_numeric_computations201)
select id, amount - (select avg(amount) from sales.orders) as diff_from_avg
from sales.orders
