-- note: INT2 with INT4 gives INT4 (r_numeric_computations201, return types)
select session_id, page_views / 2 as half_views, page_views * 2 as double_views
from web.sessions
