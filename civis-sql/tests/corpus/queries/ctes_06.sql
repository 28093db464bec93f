-- note: a recursive CTE's columns take the types of its non-recursive branch, and are nullable only where a branch is
with recursive chain (id, manager_id, depth) as (
  select id, manager_id, 1
  from hr.employees
  where manager_id is null
  union all
  select e.id, e.manager_id, c.depth + 1
  from hr.employees e
  join chain c on e.manager_id = c.id
)
select id, manager_id, depth
from chain
