select id,
       sku::varchar(12) as sku_v,
       list_price::real as price_r,
       cast(launched_on as timestamp) as launched_at
from sales.products
