-- note: UNION of numeric(9,4) and numeric(7,3): scale 4, precision max(5,4) + 4 = 9 (r_UNION usage notes)
select fee as money from finance.payments
union all
select cost from marketing.contacts
