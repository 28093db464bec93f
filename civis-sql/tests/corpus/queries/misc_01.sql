select * from public.regions
