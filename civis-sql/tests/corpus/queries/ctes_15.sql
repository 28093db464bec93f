with params as (
  select '{{since}}'::date as since, {{min}} as min_amount
)
select o.id, o.amount, p.since
from sales.orders o
cross join params p
where o.order_date >= p.since and o.amount >= p.min_amount
