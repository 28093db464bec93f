-- note: ASCII letters in delimited identifiers are case-insensitive and folded to lowercase (r_names), unless enable_case_sensitive_identifier is set
select "EMAIL", "Signup_Date"
from "SALES"."CUSTOMERS"
