select email,
       split_part(email, '@', 2)::varchar(100) as domain,
       is_active::int as active_flag
from sales.customers
