-- note: FIRST_VALUE/LAST_VALUE/NTH_VALUE are taken as nullable like the other window aggregates (the issue: other aggregates nullable)
select campaign_id, contacted_at,
       nth_value(outcome, 2) over (partition by campaign_id order by contacted_at
                                  rows between unbounded preceding and unbounded following) as second_outcome
from marketing.contacts
