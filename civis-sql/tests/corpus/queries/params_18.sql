select department, count(*) as headcount
from hr.employees
where hire_date >= '{{since}}'
  and coalesce(salary, 0) between {{low}} and {{high}}
group by department
