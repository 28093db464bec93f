select top 10 id, amount
from sales.orders
order by amount desc
