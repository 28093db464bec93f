-- note: ROUND/TRUNC/CEILING/FLOOR 'return the same numeric data type'; for DECIMAL the precision and scale are taken as the argument's, except where a note says otherwise
select customer_id, round(avg(amount), 2) as avg_amount
from sales.orders
group by customer_id
