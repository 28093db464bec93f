-- note: ranking functions (row_number, rank, dense_rank, ntile, percent_rank, cume_dist) always give a value: not null
-- note: PERCENT_RANK and CUME_DIST return FLOAT8 (r_WF_PERCENT_RANK, r_WF_CUME_DIST)
select id, salary,
       ntile(4) over (order by salary) as quartile,
       percent_rank() over (order by salary) as pct_rank,
       cume_dist() over (order by salary) as cume
from hr.employees
