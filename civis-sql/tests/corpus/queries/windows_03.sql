-- note: the window SUM/AVG page (r_WF_SUM) lists no NUMERIC argument; taken as the aggregate's numeric(38,s) (r_SUM)
select customer_id, order_date, amount,
       sum(amount) over (partition by customer_id order by created_at
                         rows between unbounded preceding and current row) as running_total
from sales.orders
