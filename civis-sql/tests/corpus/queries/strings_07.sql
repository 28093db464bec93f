-- note: REGEXP_SUBSTR and JSON_EXTRACT_* return VARCHAR with no documented length; the analysis gives none
--       (the Rust type is String either way)
-- note: REGEXP_SUBSTR returns VARCHAR (REGEXP_SUBSTR)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select event_id,
       regexp_substr(page_url, '[?&]utm_source=([^&]+)', 1, 1, 'e') as utm_source
from web.events
