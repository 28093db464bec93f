-- note: an unqualified table name is looked up in the public schema (the default search_path)
select code, name
from regions
