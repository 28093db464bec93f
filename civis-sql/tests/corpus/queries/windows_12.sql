select e.id, e.department, e.hire_date,
       max(e.hire_date) over (partition by e.department) as latest_hire
from hr.employees e
