select id,
       region_code in ('NY', 'NJ', 'CT') as tri_state,
       hire_date between '2020-01-01' and '2020-12-31' as hired_2020
from hr.employees
