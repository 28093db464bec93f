-- note: a cast of a column keeps the column's name and a function call without an alias is named after the function, as in PostgreSQL (r_SELECT_list: 'Default column names are used for expressions')
select id::varchar(20), amount::float, upper(status), lower(channel)
from sales.orders
