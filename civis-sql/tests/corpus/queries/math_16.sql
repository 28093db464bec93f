-- note: AVG of a floating point argument is DOUBLE PRECISION (r_AVG)
select department, avg(salary::float) as avg_salary, avg(bonus_pct) as avg_bonus
from hr.employees
group by department
