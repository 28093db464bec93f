-- note: a decimal literal is numeric of its digits, trailing zeros of its fraction dropped: r_numeric_computations201's
--       example `pricepaid * .20` on a decimal(8,2) prints 37.400 (scale 3), so `.20` has scale 1 (the analysis's rule)
-- note: CASE is not named by the set-operator rule of r_numeric_computations201; taken like DECODE (r_DECODE_expression: 'equivalent to ... a simple CASE expression')
select date_trunc('week', started_at) as week,
       device,
       sum(page_views) as views,
       avg(case when bounce then 1.0 else 0.0 end) as bounce_rate
from web.sessions
group by 1, 2
