with window_bounds as (
  select '{{start}}'::date as start_day, '{{end}}'::date as end_day
)
select i.customer_id, sum(i.total) as invoiced
from finance.invoices i
join window_bounds w on i.issued_on between w.start_day and w.end_day
group by i.customer_id
