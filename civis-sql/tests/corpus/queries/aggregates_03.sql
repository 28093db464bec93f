-- note: MEDIAN of a DECIMAL returns DECIMAL (r_MEDIAN); its usage notes compare it with SUM, whose DECIMAL result has precision 38 and the argument's scale: taken as numeric(38,2)
select category, median(list_price) as median_price
from sales.products
group by category
