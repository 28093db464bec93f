select e.department, e.full_name, e.salary
from hr.employees e
where e.salary = (select max(salary) from hr.employees x where x.department = e.department)
