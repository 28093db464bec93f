select t.a, t.b
from (select id, email from sales.customers) as t (a, b)
