select unit_price::numeric(38,6) as price_hi,
       weight_kg::double precision as weight_d,
       quantity::smallint as qty_small
from sales.order_items
