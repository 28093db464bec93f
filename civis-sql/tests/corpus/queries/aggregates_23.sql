select c.region_code,
       count(distinct c.id) as customers,
       sum(i.total) as invoiced,
       sum(i.tax) as tax
from sales.customers c
join finance.invoices i on i.customer_id = c.id
where i.issued_on between '{{start}}' and '{{end}}'
group by c.region_code
having sum(i.total) > 0
