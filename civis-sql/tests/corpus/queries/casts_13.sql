select id,
       coalesce(score, 0)::numeric(5,4) as score_4dp,
       lifetime_value::bigint as ltv_whole
from sales.customers
