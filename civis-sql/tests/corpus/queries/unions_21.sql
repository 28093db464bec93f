-- note: EXCEPT returns rows of the first query that are not in the second (r_UNION), so a column is NULL only where the first query's can be
select code from public.regions
except
select region_code from sales.customers
