select id,
       cast(null as integer) as placeholder,
       nullif(status, '')::varchar(20) as status_or_null
from sales.orders
