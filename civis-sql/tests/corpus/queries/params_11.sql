select id, full_name
from hr.employees
where is_remote = {{remote}}
