select shipped_at::timestamp as shipped_utc,
       shipped_at::date as ship_day,
       created_at::timestamptz as created_tz
from sales.orders
