select distinct channel
from sales.orders
