-- orders above the threshold, newest first
select id,        -- the order
       amount     /* in USD */
from sales.orders
where amount > {{min}}
order by created_at desc
