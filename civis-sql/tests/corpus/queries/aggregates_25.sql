-- note: GROUPING SETS is equivalent to a UNION ALL of the groupings (r_GROUP_BY_aggregation-extensions): each grouping column is NULL in the other sets' rows
select order_date, is_gift, count(*) as orders
from sales.orders
group by grouping sets ((order_date), (is_gift))
