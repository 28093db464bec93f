-- note: the window SUM/AVG page (r_WF_SUM) lists no NUMERIC argument; taken as the aggregate's numeric(38,s) (r_SUM)
select region_code, channel,
       sum(amount) as revenue,
       sum(sum(amount)) over (partition by region_code) as region_revenue,
       ratio_to_report(count(*)) over () as share_of_orders
from sales.orders
group by 1, 2
