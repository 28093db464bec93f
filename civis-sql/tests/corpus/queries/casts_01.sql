select id::varchar(20) as id_text,
       amount::int as amount_int,
       amount::float as amount_float,
       order_date::timestamp as order_ts
from sales.orders
