-- note: both tables of the parenthesized inner join sit on the outer side of the left join
select c.email, o.id as order_id, oi.line_no
from sales.customers c
left join (sales.orders o join sales.order_items oi on oi.order_id = o.id)
  on o.customer_id = c.id
