select department, full_name, salary
from hr.employees
where termination_date is null
qualify dense_rank() over (partition by department order by salary desc) <= 3
