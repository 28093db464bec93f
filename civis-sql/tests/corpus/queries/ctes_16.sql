-- note: the window SUM/AVG page (r_WF_SUM) lists no NUMERIC argument; taken as the aggregate's numeric(38,s) (r_SUM)
-- note: numeric(38,2) / numeric(38,2): scale max(4, 2+38-2+1) = 39, precision 38-2+2+39 = 77
-- note: a division whose precision passes 38 becomes precision 38, scale max(38 + scale - precision, 4) (r_numeric_computations201, 'Notes on division operations')
with totals as (
  select region_code, sum(amount) as revenue
  from sales.orders
  group by region_code
)
select t.region_code, r.name, t.revenue, t.revenue / sum(t.revenue) over () as share
from totals t
left join public.regions r on r.code = t.region_code
