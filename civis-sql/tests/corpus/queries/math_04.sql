-- note: POWER, SQRT and EXP return DOUBLE PRECISION; LN the argument's type (r_POWER, r_SQRT, r_EXP, r_LN)
select id,
       power(score, 2) as score_sq,
       sqrt(score) as score_root,
       ln(lifetime_value::float) as log_ltv,
       exp(score) as e_score
from sales.customers
