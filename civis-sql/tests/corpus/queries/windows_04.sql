select customer_id, order_date,
       lag(order_date) over (partition by customer_id order by order_date) as prev_order,
       lead(amount, 1) over (partition by customer_id order by order_date) as next_amount,
       datediff(day, lag(order_date) over (partition by customer_id order by order_date), order_date) as gap_days
from sales.orders
