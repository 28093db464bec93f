select order_id, line_no, quantity,
       sum(quantity) over (partition by order_id) as order_units,
       max(unit_price) over (partition by order_id) as top_price,
       count(tax_rate) over (partition by order_id) as taxed_lines
from sales.order_items
