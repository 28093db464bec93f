-- note: a bare NULL takes the type of the other branches
select null as closed_on, id from finance.invoices
union all
select termination_date, id from hr.employees
