-- note: FLOAT4 with FLOAT4 is FLOAT4; FLOAT4 with INT8 is FLOAT8 (r_numeric_computations201, return types)
select code,
       area_km2 * 0.386102::real as area_sq_miles,
       area_km2 * population as area_x_population,
       -population as negated
from public.regions
