-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select kind, count(*) as n
from (
  select 'web' as kind from web.events
  union all
  select 'mail' from marketing.contacts
) k
group by kind
