select id, email, signup_date
from (
  select c.*, row_number() over (partition by email order by signup_date desc) as rn
  from sales.customers c
) t
where rn = 1
