select id,
       datediff(hour, created_at, shipped_at) as hours_to_ship,
       getdate()::date as today,
       dateadd(month, -1, date_trunc('month', current_date)) as last_month_start
from sales.orders
