select *
from (
  with x as (select id, full_name from hr.employees where is_remote)
  select id, full_name from x
) y
