select is_gift as flag from sales.orders
union
select discontinued from sales.products
