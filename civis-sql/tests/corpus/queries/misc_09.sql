select id, signup_date
from sales.customers
order by signup_date desc
limit 50 offset 100
