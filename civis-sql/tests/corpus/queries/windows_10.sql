-- note: RATIO_TO_REPORT returns FLOAT8 (r_WF_RATIO_TO_REPORT)
select region_code, revenue,
       ratio_to_report(revenue) over () as share
from (
  select region_code, sum(amount) as revenue
  from sales.orders
  group by region_code
) t
