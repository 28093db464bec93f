select convert(integer, shipping_cost) as shipping_int,
       convert(varchar(10), order_date) as day_text
from sales.orders
