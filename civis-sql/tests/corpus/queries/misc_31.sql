-- note: navigating into a SUPER value gives SUPER, NULL when the path is missing (query-super: dynamic typing, lax semantics)
select o.id,
       o.metadata.coupon_code as coupon,
       o.metadata.cart.total::numeric(12,2) as cart_total
from sales.orders o
