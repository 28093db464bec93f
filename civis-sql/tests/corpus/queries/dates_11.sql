-- note: ADD_MONTHS returns TIMESTAMP (r_ADD_MONTHS)
select id, add_months(signup_date, 12) as anniversary
from sales.customers
