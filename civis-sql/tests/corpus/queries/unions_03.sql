-- note: the common type of character varying(256) and character varying(150) is taken as character varying(256)
select email as contact from sales.customers
union
select full_name from hr.employees
