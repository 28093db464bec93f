-- note: NEXT_DAY returns DATE (r_NEXT_DAY)
select id, next_day(hire_date, 'Monday') as first_monday
from hr.employees
