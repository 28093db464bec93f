select id, (amount * 100)::bigint as cents
from sales.orders
