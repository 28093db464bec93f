select product_id, unit_price,
       stddev_samp(unit_price) over (partition by product_id) as price_sd
from sales.order_items
