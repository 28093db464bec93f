select id, case when is_active then score else 0 end as active_score
from sales.customers
