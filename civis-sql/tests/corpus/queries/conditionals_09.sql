select id,
       (amount > 100 and not is_gift) as big_order,
       shipped_at is null as unshipped,
       discount is not null as discounted
from sales.orders
