-- note: ROLLUP's subtotal rows hold NULL in the columns they do not group by (r_GROUP_BY_aggregation-extensions: GROUPING SETS is equivalent to a UNION ALL of the groupings), so a NOT NULL grouping column becomes nullable
select status, channel, sum(amount) as revenue, count(*) as orders
from sales.orders
group by rollup (status, channel)
