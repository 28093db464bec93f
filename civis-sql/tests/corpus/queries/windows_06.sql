select customer_id, id as order_id, amount
from sales.orders
qualify row_number() over (partition by customer_id order by amount desc) = 1
