select e.event_id, s.device, c.email
from web.events e
inner join web.sessions s on s.session_id = e.session_id
left join sales.customers c on c.id = s.customer_id
where e.event_type = 'checkout'
