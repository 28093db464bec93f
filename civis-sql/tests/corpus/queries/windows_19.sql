-- note: the window SUM/AVG page (r_WF_SUM) lists no NUMERIC argument; taken as the aggregate's numeric(38,s) (r_SUM)
-- note: numeric(12,2) / numeric(38,2): scale max(4, 2+38-2+1) = 39, precision 12-2+2+39 = 51
-- note: a division whose precision passes 38 becomes precision 38, scale max(38 + scale - precision, 4) (r_numeric_computations201, 'Notes on division operations')
select customer_id, id, amount,
       amount / sum(amount) over (partition by customer_id) as share_of_customer
from sales.orders
