-- note: DATE_PART_YEAR returns INTEGER (r_DATE_PART_YEAR)
select date_part_year(hire_date) as hire_year, count(*) as hires
from hr.employees
group by 1
