-- note: LISTAGG returns VARCHAR(MAX) (r_LISTAGG)
select o.id,
       listagg(p.name, '; ') within group (order by oi.line_no) as products
from sales.orders o
join sales.order_items oi on oi.order_id = o.id
join sales.products p on p.id = oi.product_id
group by o.id
