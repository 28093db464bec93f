with x as (select id, status from sales.orders)
select x.* from x
