-- note: DECIMAL without precision and scale is DECIMAL(18,0) (r_Numeric_types201: default precision 18, default scale 0)
select id, amount::decimal as amount_whole
from sales.orders
