-- note: CUBE groups by every subset of its columns (r_GROUP_BY_aggregation-extensions): each is NULL in some rows
select region_code, item_count, sum(shipping_cost) as shipping
from sales.orders
group by cube (region_code, item_count)
