-- note: the common type of REAL and DOUBLE PRECISION is DOUBLE PRECISION
select weight_kg as w from sales.products
union all
select revenue from web.events
