select department,
       count(*) as headcount,
       avg(salary) as avg_salary,
       max(salary) - min(salary) as salary_range
from hr.employees
where termination_date is null
group by department
having avg(salary) > {{floor}}
