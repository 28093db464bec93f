select order_date,
       sum(case when status = 'returned' then 1 else 0 end) as returns,
       count(case when status = 'cancelled' then 1 end) as cancellations
from sales.orders
group by order_date
