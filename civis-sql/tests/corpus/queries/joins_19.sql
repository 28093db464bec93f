select cp.name, e.full_name as owner, e.department
from marketing.campaigns cp
left join hr.employees e on e.id = cp.owner_id
