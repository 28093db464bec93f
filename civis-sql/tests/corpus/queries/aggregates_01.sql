-- note: SUM and AVG of numeric(p,s) are numeric(38,s) (r_SUM, r_AVG)
select status,
       count(*) as orders,
       sum(amount) as revenue,
       avg(amount) as avg_amount,
       min(order_date) as first_day,
       max(created_at) as last_created
from sales.orders
group by status
