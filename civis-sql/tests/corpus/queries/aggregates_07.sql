select customer_id, bool_and(is_gift) as all_gifts, bool_or(is_gift) as any_gift
from sales.orders
group by customer_id
