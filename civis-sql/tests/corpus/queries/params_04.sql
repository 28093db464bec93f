select id, email
from sales.customers
order by signup_date desc
limit {{n}}
