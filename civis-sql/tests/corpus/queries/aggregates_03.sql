-- note: MEDIAN of FLOAT/DOUBLE is DOUBLE (r_MEDIAN); of a DECIMAL it is a DECIMAL of no documented precision, which the issue asks to refuse rather than guess, so the corpus casts first
-- note: sort-based aggregates in one statement must share their ORDER BY value (r_MEDIAN usage notes)
select category,
       median(list_price::double precision) as median_price,
       median(list_price::double precision) * 2 as double_median
from sales.products
group by category
