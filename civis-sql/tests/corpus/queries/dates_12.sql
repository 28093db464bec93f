-- note: TRUNC of a TIMESTAMP returns DATE (r_TRUNC_date)
select trunc(contacted_at) as day, count(*) as contacts
from marketing.contacts
group by 1
