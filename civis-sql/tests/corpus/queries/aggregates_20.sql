select region_code,
       percentile_cont(0.5) within group (order by salary::double precision) as median_salary
from hr.employees
group by region_code
