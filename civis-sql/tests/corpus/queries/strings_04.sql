-- note: LEN, LENGTH, CHAR_LENGTH and OCTET_LENGTH return an integer (r_LEN, r_OCTET_LENGTH)
select len(email) as email_len,
       length(first_name) as fn_len,
       char_length(last_name) as ln_len,
       octet_length(email) as bytes
from sales.customers
