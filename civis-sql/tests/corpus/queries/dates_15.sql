-- note: DATE_CMP returns INTEGER (r_DATE_CMP)
select id,
       datediff(month, signup_date, current_date) as months_since_signup,
       date_cmp(signup_date, '{{cutoff}}') as cmp
from sales.customers
