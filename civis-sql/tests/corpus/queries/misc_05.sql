select o.customer_id,
       max(o.amount) as "max_amount!",
       avg(o.amount) as "avg_amount: f64",
       count(*) as "orders?"
from sales.orders o
group by o.customer_id
