select id, coalesce(termination_date, current_date) as end_date
from hr.employees
