-- note: a decimal literal has no documented type; taken as numeric(<digits>,<digits after the point>)
-- note: an integer operand of a DECIMAL computation is cast as DECIMAL(5,0), DECIMAL(10,0) or DECIMAL(19,0) for smallint, integer, bigint (r_numeric_computations201, 'Numeric calculations with INTEGER and DECIMAL types')
-- note: numeric(4,1) * numeric(19,0) = numeric(24,1); / numeric(19,0): scale max(4, 1+19+1) = 21, precision 24-1+0+21 = 44
-- note: a division whose precision passes 38 becomes precision 38, scale max(38 + scale - precision, 4) (r_numeric_computations201, 'Notes on division operations')
select campaign_id,
       100.0 * sum(case when outcome = 'converted' then 1 else 0 end) / count(*) as conversion_pct
from marketing.contacts
group by campaign_id
