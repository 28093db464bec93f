-- note: REGEXP_SUBSTR and JSON_EXTRACT_* return VARCHAR with no documented length; the analysis gives none
--       (the Rust type is String either way)
-- note: JSON_EXTRACT_PATH_TEXT and JSON_EXTRACT_ARRAY_ELEMENT_TEXT return VARCHAR, JSON_ARRAY_LENGTH INTEGER, IS_VALID_JSON BOOLEAN (json-functions)
-- note: the function page gives VARCHAR without a length; taken as the input's length (r_Character_types: 'If used in an expression, the size of the output is determined using the input expression')
select event_id,
       json_extract_path_text(properties, 'utm', 'campaign') as utm_campaign,
       json_extract_array_element_text(json_extract_path_text(properties, 'items'), 0) as first_item,
       json_array_length(json_extract_path_text(properties, 'items')) as item_count,
       is_valid_json(properties) as valid
from web.events
