select *
from (select id, full_name, salary from hr.employees where is_remote) r
