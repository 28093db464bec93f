select id,
       case status when 'placed' then 1 when 'shipped' then 2 else 3 end as status_rank
from sales.orders
