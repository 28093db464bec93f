select customer_id, sum(total) as total
from finance.invoices
group by customer_id
having sum(total) >= {{min_total}}
