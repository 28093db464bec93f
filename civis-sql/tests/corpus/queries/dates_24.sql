-- note: EXTRACT of a DATE is taken as of the TIMESTAMP it converts to: INTEGER (r_EXTRACT_function)
select date_trunc('quarter', issued_on) as quarter,
       extract(dow from issued_on) as weekday,
       count(*) as invoices
from finance.invoices
group by 1, 2
