select customer_id, id, amount
from sales.orders
where order_date >= '{{since}}'
qualify row_number() over (partition by customer_id order by amount desc) <= {{top_n}}
