-- note: DATEDIFF returns BIGINT (r_DATEDIFF_function)
with first_touch as (
  select customer_id, min(contacted_at) as first_contact
  from marketing.contacts
  where customer_id is not null
  group by customer_id
)
select c.id, c.signup_date, f.first_contact,
       datediff(day, f.first_contact, c.signup_date) as days_to_signup
from sales.customers c
join first_touch f on f.customer_id = c.id
