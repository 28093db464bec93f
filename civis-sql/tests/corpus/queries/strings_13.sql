select email,
       email ilike '%@gmail.com' as is_gmail,
       email like '%.edu' as is_edu,
       email similar to '[a-z]+\.[a-z]+@%' as first_dot_last,
       email ~ '^[0-9]' as starts_with_digit
from sales.customers
