-- note: default column names from the function pages: NULLIF the first expression's column name (r_NULLIF_function), DATE_PART pgdate_part (r_DATE_PART_function), DATEADD date_add (r_DATEADD_function), DATEDIFF date_diff (r_DATEDIFF_function), NVL coalesce (r_NVL_function)
-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
select nullif(channel, ''),
       date_part(year, order_date),
       dateadd(day, 1, order_date),
       datediff(day, order_date, created_at),
       nvl(channel, 'web')
from sales.orders
