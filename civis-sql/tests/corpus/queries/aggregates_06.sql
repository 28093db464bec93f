select channel,
       stddev(amount) as sd,
       stddev_pop(amount) as sd_pop,
       variance(amount) as var,
       var_samp(shipping_cost) as var_ship
from sales.orders
group by channel
