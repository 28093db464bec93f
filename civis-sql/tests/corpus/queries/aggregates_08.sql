-- note: SUM of SMALLINT is BIGINT; SUM and AVG of REAL are DOUBLE PRECISION (r_SUM, r_AVG)
select order_id,
       sum(line_no) as line_sum,
       sum(weight_kg) as total_weight,
       avg(weight_kg) as avg_weight
from sales.order_items
group by order_id
