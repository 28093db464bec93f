-- note: DATE_TRUNC returns TIMESTAMP, also of a DATE (r_DATE_TRUNC)
with cohort as (
  select id as customer_id, date_trunc('month', signup_date) as cohort_month
  from sales.customers
)
select cohort_month, count(*) as customers
from cohort
group by cohort_month
