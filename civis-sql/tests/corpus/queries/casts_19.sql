select '{{day}}'::date as day,
       '{{at}}'::timestamp as at,
       {{n}}::bigint as n
from public.regions
limit 1
