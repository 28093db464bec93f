select id, score
from sales.customers
where score >= {{min_score}}
