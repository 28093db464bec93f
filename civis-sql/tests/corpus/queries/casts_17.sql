-- note: DECIMAL * FLOAT8 is FLOAT8 (r_numeric_computations201, return types)
select invoice_id,
       fx_rate::numeric(12,6) as fx,
       amount * fx_rate as amount_fx
from finance.payments
