select month, avg(orders) as avg_orders_per_customer
from (
  select date_trunc('month', order_date) as month, customer_id, count(*) as orders
  from sales.orders
  group by 1, 2
) x
group by month
