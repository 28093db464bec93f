-- note: ROUND returns the argument's numeric type (r_ROUND)
select id, round(score * 100) as score_pct, round(score, 3) as score_3
from sales.customers
