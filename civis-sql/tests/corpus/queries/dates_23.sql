-- note: AT TIME ZONE gives TIMESTAMPTZ of a TIMESTAMP and TIMESTAMP of a TIMESTAMPTZ (r_AT_TIME_ZONE)
select id,
       created_at at time zone 'America/Denver' as created_tz,
       shipped_at at time zone 'America/Denver' as shipped_local
from sales.orders
