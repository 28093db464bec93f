-- note: INT2 with INT2 is INT2, INT2 with INT4 INT4, INT8 with INT2 INT8 (r_numeric_computations201, return types); an integer literal that fits in four bytes is INTEGER
select order_id,
       line_no + line_no as twice_line,
       line_no + 1 as next_line,
       line_no * quantity as weighted,
       order_id + line_no as line_key,
       -unit_price as credit
from sales.order_items
