-- note: FLOAT8 / FLOAT4 is FLOAT8 (r_numeric_computations201, return types)
select code, population::float / area_km2 as density
from public.regions
