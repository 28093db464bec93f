select name, starts_on,
       coalesce(ends_on, current_date) as ends,
       datediff(day, starts_on, coalesce(ends_on, current_date)) + 1 as days_live
from marketing.campaigns
