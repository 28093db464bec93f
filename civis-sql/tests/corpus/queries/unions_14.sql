select line_no as n, order_id from sales.order_items
union
select item_count, customer_id from sales.orders
