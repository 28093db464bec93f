select id, order_date
from sales.orders
where order_date >= dateadd(day, -{{days}}, current_date)
  and channel = '{{channel}}'
