select id, email
from sales.customers
where region_code is not null;
