-- note: a string literal has no documented type; taken as character varying(<its length>), and texts of different lengths meet at the longest character varying
-- note: an integer literal that fits in four bytes is INTEGER
select 'v1' as version, 42 as answer, true as enabled, null::date as missing_day
