select id, created_at >= dateadd(hour, -24, getdate()) as is_recent
from sales.orders
