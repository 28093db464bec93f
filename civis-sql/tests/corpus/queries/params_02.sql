select c.id, c.email
from sales.customers c
where c.region_code = '{{region}}'
  and c.signup_date < '{{before}}'
