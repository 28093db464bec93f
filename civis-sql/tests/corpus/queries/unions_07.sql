-- note: the common type of character(2) and character varying(64) is taken as character varying(64) (c_Supported_data_types: CHAR and VARCHAR are compatible)
select region_code as code from hr.employees
union all
select name from public.regions
