-- note: GETDATE and SYSDATE return TIMESTAMP, CURRENT_DATE DATE (r_GETDATE, r_SYSDATE, r_CURRENT_DATE_function)
select getdate() as now, sysdate as sys_now, current_date as today
from public.regions
limit 1
