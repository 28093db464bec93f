-- note: the common type of DOUBLE PRECISION and DECIMAL is taken as DOUBLE PRECISION, as in r_numeric_computations201's return types
select score as metric from sales.customers
union all
select lifetime_value from sales.customers
