select id, metadata
from sales.orders
where metadata is not null
