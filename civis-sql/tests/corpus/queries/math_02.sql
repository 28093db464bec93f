-- note: ABS returns the argument's type (r_ABS); SIGN of a DECIMAL returns DECIMAL(1,0) (r_SIGN)
select id, abs(shipping_cost) as abs_ship, sign(shipping_cost) as ship_sign
from sales.orders
