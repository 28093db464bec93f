-- note: LAST_DAY returns DATE, MONTHS_BETWEEN FLOAT8 (r_LAST_DAY, r_MONTHS_BETWEEN_function)
select id,
       last_day(hire_date) as month_end,
       months_between(current_date, hire_date) as tenure_months
from hr.employees
