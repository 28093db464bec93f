select id, case when status = 'returned' then amount end as returned_amount
from sales.orders
