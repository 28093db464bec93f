select region_code,
       min(email) as first_email,
       max(last_name) as last_name,
       max(signup_date) as latest_signup
from sales.customers
group by region_code
