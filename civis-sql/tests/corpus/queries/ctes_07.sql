with o as (
  select customer_id, order_date, amount from sales.orders
)
select a.customer_id, a.order_date, b.order_date as next_order
from o a
left join o b on b.customer_id = a.customer_id and b.order_date > a.order_date
