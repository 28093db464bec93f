-- note: TO_CHAR returns VARCHAR with no documented length (r_TO_CHAR); taken as character varying without a length
select to_char(date_trunc('week', started_at), 'YYYY-MM-DD') as week_label, count(*) as sessions
from web.sessions
group by 1
