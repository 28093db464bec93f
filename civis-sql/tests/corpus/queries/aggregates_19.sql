-- note: an addition, subtraction or multiplication whose precision passes 38 is capped at 38 with its scale kept ('the maximum result precision is 38', r_numeric_computations201)
select method, sum(fee) as fees, sum(amount) - sum(fee) as net
from finance.payments
group by method
