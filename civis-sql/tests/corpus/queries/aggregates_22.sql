-- note: a decimal literal has no documented type; taken as numeric(<digits>,<digits after the point>)
-- note: CASE is not named by the set-operator rule of r_numeric_computations201; taken like DECODE (r_DECODE_expression: 'equivalent to ... a simple CASE expression')
select date_trunc('week', started_at) as week,
       device,
       sum(page_views) as views,
       avg(case when bounce then 1.0 else 0.0 end) as bounce_rate
from web.sessions
group by 1, 2
