select c.id, c.signup_date,
       min(o.order_date) as first_order,
       datediff(day, c.signup_date, min(o.order_date)) as days_to_first
from sales.customers c
left join sales.orders o on o.customer_id = c.id
group by c.id, c.signup_date
