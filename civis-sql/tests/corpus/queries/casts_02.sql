select cast(created_at as date) as created_day,
       cast(item_count as bigint) as items,
       cast(discount as numeric(6,2)) as discount_2dp
from sales.orders
