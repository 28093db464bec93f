select event_ts as at from web.events
union all
select paid_at from finance.payments
union all
select created_at from marketing.campaigns
