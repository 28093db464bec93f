select e.full_name as employee, m.full_name as manager, e.department
from hr.employees e
left join hr.employees m on m.id = e.manager_id
where e.termination_date is null
