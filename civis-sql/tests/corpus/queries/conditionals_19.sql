-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select id,
       case
         when termination_date is not null then 'former'
         when hire_date >= dateadd(day, -90, current_date) then 'new'
         else 'current'
       end as tenure_band
from hr.employees
