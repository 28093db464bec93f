//! THE function table. Each line: names, fewest and most arguments (`ANY`: no limit), kind
//! (`S`calar, `A`ggregate, `W`indow only), result, NULLs, and the page of
//! <https://docs.aws.amazon.com/redshift/latest/dg/> that documents the result type (its
//! "Return type", "Returns" or "Data types" section).
//!
//! Left out on purpose, their result type being undocumented or unknowable here: `to_number`
//! and `text_to_numeric_alt` (a DECIMAL whose precision depends on the format), the
//! `has_*_privilege` functions, and the spatial (`st_*`) and machine-learning functions.

use super::results as r;
use super::FunctionKind::{Aggregate as A, Scalar as S, Window as W};
use super::Nulls::{AllArgs, Always, Args, Decode, From, Never};
use super::{Entry, FunctionKind, Nulls, Out};
use crate::rules::Ty;

/// No upper bound on the number of arguments.
const ANY: u8 = u8::MAX;

const INT: Out = Out::Fixed(Ty::Integer);
const BIGINT: Out = Out::Fixed(Ty::BigInt);
const DOUBLE: Out = Out::Fixed(Ty::Double);
const BOOL: Out = Out::Fixed(Ty::Boolean);
const DATE: Out = Out::Fixed(Ty::Date);
const TS: Out = Out::Fixed(Ty::Timestamp);
const TSTZ: Out = Out::Fixed(Ty::TimestampTz);
/// A `varchar` whose length the guide does not give.
const VARCHAR: Out = Out::Fixed(Ty::Varchar(None));
/// The first argument's type.
const ARG0: Out = Out::Arg(0);

/// One entry.
const fn e(
    names: &'static [&'static str],
    min: u8,
    max: u8,
    kind: FunctionKind,
    out: Out,
    nulls: Nulls,
    doc: &'static str,
) -> Entry {
    Entry {
        names,
        args: (min, max),
        kind,
        out,
        nulls,
        doc,
    }
}

/// A result computed by a rule of `results`.
const fn rule(
    f: fn(&[crate::rules::Arg], crate::rules::CallShape) -> Result<Ty, crate::rules::RuleError>,
) -> Out {
    Out::Rule(f)
}

/// The table.
#[rustfmt::skip]
pub(super) static TABLE: &[Entry] = &[
    // Aggregates (also window functions with `over`).
    e(&["count"], 0, 1, A, BIGINT, Never, "r_COUNT"),
    e(&["sum"], 1, 1, A, rule(r::sum), Always, "r_SUM"),
    e(&["avg"], 1, 1, A, rule(r::avg), Always, "r_AVG"),
    e(&["min"], 1, 1, A, ARG0, Always, "r_MIN"),
    e(&["max"], 1, 1, A, ARG0, Always, "r_MAX"),
    e(&["any_value"], 1, 1, A, ARG0, Always, "r_ANY_VALUE"),
    e(&["listagg"], 1, 2, A, Out::Fixed(Ty::Varchar(Some(65_535))), Always, "r_LISTAGG"),
    e(&["median"], 1, 1, A, rule(r::median), Always, "r_MEDIAN"),
    e(&["percentile_cont"], 2, 2, A, rule(r::median), Always, "r_PERCENTILE_CONT"),
    e(&["percentile_disc"], 2, 2, A, rule(r::within_group), Always, "r_WF_PERCENTILE_DISC"),
    e(&["stddev", "stddev_samp", "stddev_pop"], 1, 1, A, DOUBLE, Always, "r_STDDEV_functions"),
    e(&["variance", "var_samp", "var_pop"], 1, 1, A, DOUBLE, Always, "r_VARIANCE_functions"),
    e(&["bool_and"], 1, 1, A, BOOL, Always, "r_BOOL_AND"),
    e(&["bool_or"], 1, 1, A, BOOL, Always, "r_BOOL_OR"),
    e(&["bit_and"], 1, 1, A, rule(r::integer_arg), Always, "r_BIT_AND"),
    e(&["bit_or"], 1, 1, A, rule(r::integer_arg), Always, "r_BIT_OR"),
    e(&["hll"], 1, 1, A, BIGINT, Never, "r_HLL_function"),
    e(&["hll_create_sketch"], 1, 1, A, rule(r::hllsketch), Always, "r_HLL_CREATE_SKETCH"),
    e(&["hll_combine"], 1, 1, A, rule(r::hllsketch), Always, "r_HLL_COMBINE"),
    // Window functions.
    e(&["row_number"], 0, 0, W, BIGINT, Never, "r_WF_ROW_NUMBER"),
    e(&["rank"], 0, 0, W, INT, Never, "r_WF_RANK"),
    e(&["dense_rank"], 0, 0, W, INT, Never, "r_WF_DENSE_RANK"),
    e(&["ntile"], 1, 1, W, BIGINT, Never, "r_WF_NTILE"),
    e(&["percent_rank"], 0, 0, W, DOUBLE, Never, "r_WF_PERCENT_RANK"),
    e(&["cume_dist"], 0, 0, W, DOUBLE, Never, "r_WF_CUME_DIST"),
    e(&["ratio_to_report"], 1, 1, W, DOUBLE, Always, "r_WF_RATIO_TO_REPORT"),
    e(&["lag"], 1, 2, W, ARG0, Always, "r_WF_LAG"),
    e(&["lead"], 1, 2, W, ARG0, Always, "r_WF_LEAD"),
    e(&["first_value", "last_value"], 1, 1, W, ARG0, Always, "r_WF_first_value"),
    e(&["nth_value"], 2, 2, W, ARG0, Always, "r_WF_NTH"),
    // Conditional expressions.
    e(&["coalesce", "nvl"], 1, ANY, S, rule(r::common_of_all), AllArgs, "r_NVL_function"),
    e(&["nvl2"], 3, 3, S, rule(r::nvl2), From(1), "r_NVL2"),
    e(&["nullif"], 2, 2, S, ARG0, Always, "r_NULLIF_function"),
    e(&["decode"], 3, ANY, S, rule(r::decode), Decode, "r_DECODE_expression"),
    e(&["greatest", "least"], 1, ANY, S, rule(r::common_of_all), AllArgs, "r_GREATEST_LEAST"),
    // Date and time functions.
    e(&["add_months"], 2, 2, S, TS, Args, "r_ADD_MONTHS"),
    e(&["convert_timezone"], 2, 3, S, TS, Args, "CONVERT_TIMEZONE"),
    e(&["current_date"], 0, 0, S, DATE, Never, "r_CURRENT_DATE_function"),
    e(&["date_cmp"], 2, 2, S, INT, Args, "r_DATE_CMP"),
    e(&["date_cmp_timestamp"], 2, 2, S, INT, Args, "r_DATE_CMP_TIMESTAMP"),
    e(&["date_cmp_timestamptz"], 2, 2, S, INT, Args, "r_DATE_CMP_TIMESTAMPTZ"),
    e(&["date_part_year"], 1, 1, S, INT, Args, "r_DATE_PART_YEAR"),
    e(&["dateadd"], 3, 3, S, rule(r::dateadd), Args, "r_DATEADD_function"),
    e(&["datediff"], 3, 3, S, BIGINT, Args, "r_DATEDIFF_function"),
    e(&["date_part"], 2, 2, S, DOUBLE, Args, "r_DATE_PART_function"),
    e(&["date_trunc"], 2, 2, S, TS, Args, "r_DATE_TRUNC"),
    e(&["extract"], 2, 2, S, rule(r::extract), Args, "r_EXTRACT_function"),
    e(&["getdate"], 0, 0, S, TS, Never, "r_GETDATE"),
    e(&["interval_cmp"], 2, 2, S, INT, Args, "r_INTERVAL_CMP"),
    e(&["last_day"], 1, 1, S, DATE, Args, "r_LAST_DAY"),
    e(&["months_between"], 2, 2, S, DOUBLE, Args, "r_MONTHS_BETWEEN_function"),
    e(&["next_day"], 2, 2, S, DATE, Args, "r_NEXT_DAY"),
    e(&["sysdate"], 0, 0, S, TS, Never, "r_SYSDATE"),
    e(&["timeofday"], 0, 0, S, VARCHAR, Never, "r_TIMEOFDAY_function"),
    e(&["timestamp_cmp"], 2, 2, S, INT, Args, "r_TIMESTAMP_CMP"),
    e(&["timestamp_cmp_date"], 2, 2, S, INT, Args, "r_TIMESTAMP_CMP_DATE"),
    e(&["timestamp_cmp_timestamptz"], 2, 2, S, INT, Args, "r_TIMESTAMP_CMP_TIMESTAMPTZ"),
    e(&["timestamptz_cmp"], 2, 2, S, INT, Args, "r_TIMESTAMPTZ_CMP"),
    e(&["timestamptz_cmp_date"], 2, 2, S, INT, Args, "r_TIMESTAMPTZ_CMP_DATE"),
    e(&["timestamptz_cmp_timestamp"], 2, 2, S, INT, Args, "r_TIMESTAMPTZ_CMP_TIMESTAMP"),
    e(&["timezone"], 2, 2, S, rule(r::timezone), Args, "r_TIMEZONE"),
    e(&["to_char"], 2, 2, S, VARCHAR, Args, "r_TO_CHAR"),
    e(&["to_date"], 2, 3, S, DATE, Args, "r_TO_DATE_function"),
    e(&["to_timestamp"], 2, 3, S, TSTZ, Args, "r_TO_TIMESTAMP"),
    e(&["trunc"], 1, 2, S, rule(r::round_or_trunc), Args, "r_TRUNC"),
    // String functions.
    e(&["ascii"], 1, 1, S, INT, Args, "r_ASCII"),
    e(&["bpcharcmp", "bttext_pattern_cmp"], 2, 2, S, INT, Args, "r_BPCHARCMP"),
    e(&["btrim"], 1, 2, S, rule(r::varchar_of_input), Args, "r_BTRIM"),
    e(&["char_length", "character_length", "len", "length", "textlen"], 1, 1, S, INT, Args, "r_LEN"),
    e(&["charindex"], 2, 2, S, INT, Args, "r_CHARINDEX"),
    e(&["chr"], 1, 1, S, Out::Fixed(Ty::Char(Some(1))), Always, "r_CHR"),
    e(&["collate"], 2, 2, S, rule(r::same_text), Args, "r_COLLATE"),
    e(&["concat"], 2, 2, S, rule(r::concat), Args, "r_CONCAT"),
    e(&["crc32"], 1, 1, S, Out::Fixed(Ty::Varchar(Some(8))), Args, "crc32-function"),
    e(&["difference"], 2, 2, S, INT, Args, "DIFFERENCE"),
    e(&["initcap"], 1, 1, S, rule(r::varchar_of_input), Args, "r_INITCAP"),
    e(&["left", "right"], 2, 2, S, rule(r::varchar_of_input), Args, "r_LEFT"),
    e(&["lower"], 1, 1, S, rule(r::same_text), Args, "r_LOWER"),
    e(&["lpad", "rpad"], 2, 3, S, VARCHAR, Args, "r_LPAD"),
    e(&["ltrim"], 1, 2, S, rule(r::same_text), Args, "r_LTRIM"),
    e(&["md5"], 1, 1, S, Out::Fixed(Ty::Varchar(Some(32))), Args, "r_MD5"),
    e(&["octet_length"], 1, 1, S, INT, Args, "r_OCTET_LENGTH"),
    e(&["octetindex"], 2, 2, S, INT, Args, "OCTETINDEX"),
    e(&["position"], 2, 2, S, INT, Args, "r_POSITION"),
    e(&["quote_ident"], 1, 1, S, rule(r::same_text), Args, "r_QUOTE_IDENT"),
    e(&["quote_literal"], 1, 1, S, rule(r::same_text), Args, "r_QUOTE_LITERAL"),
    e(&["regexp_count"], 2, 4, S, INT, Args, "REGEXP_COUNT"),
    e(&["regexp_instr"], 2, 6, S, INT, Args, "REGEXP_INSTR"),
    e(&["regexp_replace"], 2, 5, S, VARCHAR, Args, "REGEXP_REPLACE"),
    e(&["regexp_substr"], 2, 5, S, VARCHAR, Args, "REGEXP_SUBSTR"),
    e(&["repeat", "replicate"], 2, 2, S, VARCHAR, Args, "r_REPEAT"),
    e(&["replace"], 3, 3, S, VARCHAR, Args, "r_REPLACE"),
    e(&["reverse"], 1, 1, S, rule(r::varchar_of_input), Args, "r_REVERSE"),
    e(&["rtrim"], 1, 2, S, rule(r::same_text), Args, "r_RTRIM"),
    e(&["sha1", "sha", "func_sha1"], 1, 1, S, Out::Fixed(Ty::Varchar(Some(40))), Args, "SHA1"),
    e(&["sha2"], 2, 2, S, VARCHAR, Args, "SHA2"),
    e(&["soundex"], 1, 1, S, Out::Fixed(Ty::Varchar(Some(4))), Args, "SOUNDEX"),
    e(&["split_part"], 3, 3, S, rule(r::same_text), Args, "SPLIT_PART"),
    e(&["strpos"], 2, 2, S, INT, Args, "r_STRPOS"),
    e(&["strtol"], 2, 2, S, BIGINT, Args, "r_STRTOL"),
    e(&["substring", "substr"], 2, 3, S, rule(r::varchar_of_input), Args, "r_SUBSTRING"),
    e(&["text_to_int_alt"], 1, 2, S, INT, Args, "r_TEXT_TO_INT_ALT"),
    e(&["to_hex"], 1, 1, S, VARCHAR, Args, "r_TO_HEX"),
    e(&["translate"], 3, 3, S, rule(r::varchar_of_input), Args, "r_TRANSLATE"),
    e(&["trim"], 1, 2, S, rule(r::same_text), Args, "r_TRIM"),
    e(&["upper"], 1, 1, S, rule(r::same_text), Args, "r_UPPER"),
    // Hash functions.
    e(&["checksum"], 1, 1, S, INT, Args, "r_CHECKSUM"),
    e(&["farmfingerprint64"], 1, 1, S, BIGINT, Args, "r_FARMFINGERPRINT64"),
    e(&["fnv_hash"], 1, 2, S, BIGINT, Args, "r_FNV_HASH"),
    e(&["murmur3_32_hash"], 1, 2, S, INT, Args, "MURMUR3_32_HASH"),
    // HyperLogLog sketches.
    e(&["hll_cardinality"], 1, 1, S, BIGINT, Args, "r_HLL_CARDINALITY"),
    e(&["hll_combine_sketches"], 2, 2, S, rule(r::hllsketch), Args, "r_HLL_COMBINE_SKETCHES"),
    // Math functions.
    e(&["abs"], 1, 1, S, rule(r::same_number), Args, "r_ABS"),
    e(&["acos"], 1, 1, S, DOUBLE, Args, "r_ACOS"),
    e(&["asin"], 1, 1, S, DOUBLE, Args, "r_ASIN"),
    e(&["atan"], 1, 1, S, DOUBLE, Args, "r_ATAN"),
    e(&["atan2"], 2, 2, S, DOUBLE, Args, "r_ATAN2"),
    e(&["cbrt"], 1, 1, S, DOUBLE, Args, "r_CBRT"),
    e(&["ceil", "ceiling"], 1, 1, S, rule(r::same_number), Args, "r_CEILING_FLOOR"),
    e(&["cos"], 1, 1, S, DOUBLE, Args, "r_COS"),
    e(&["cot"], 1, 1, S, DOUBLE, Args, "r_COT"),
    e(&["degrees"], 1, 1, S, DOUBLE, Args, "r_DEGREES"),
    e(&["dexp"], 1, 1, S, DOUBLE, Args, "r_DEXP"),
    e(&["dlog10"], 1, 1, S, DOUBLE, Args, "r_DLOG10"),
    e(&["exp"], 1, 1, S, DOUBLE, Args, "r_EXP"),
    e(&["floor"], 1, 1, S, rule(r::same_number), Args, "r_FLOOR"),
    e(&["ln", "dlog1"], 1, 1, S, rule(r::ln), Args, "r_LN"),
    e(&["log"], 1, 2, S, DOUBLE, Args, "r_LOG"),
    e(&["mod"], 2, 2, S, rule(r::modulo), Args, "r_MOD"),
    e(&["pi"], 0, 0, S, DOUBLE, Never, "r_PI"),
    e(&["power", "pow"], 2, 2, S, DOUBLE, Args, "r_POWER"),
    e(&["radians"], 1, 1, S, DOUBLE, Args, "r_RADIANS"),
    e(&["random"], 0, 0, S, DOUBLE, Never, "r_RANDOM"),
    e(&["round"], 1, 2, S, rule(r::round_or_trunc), Args, "r_ROUND"),
    e(&["sign"], 1, 1, S, rule(r::sign), Args, "r_SIGN"),
    e(&["sin"], 1, 1, S, DOUBLE, Args, "r_SIN"),
    e(&["sqrt"], 1, 1, S, DOUBLE, Args, "r_SQRT"),
    e(&["tan"], 1, 1, S, DOUBLE, Args, "r_TAN"),
    // JSON and SUPER functions.
    e(&["can_json_parse"], 1, 1, S, BOOL, Args, "CAN_JSON_PARSE"),
    e(&["get_array_length"], 1, 1, S, BIGINT, Args, "get_array_length"),
    e(&["is_valid_json"], 1, 1, S, BOOL, Args, "IS_VALID_JSON"),
    e(&["is_valid_json_array"], 1, 1, S, BOOL, Args, "IS_VALID_JSON_ARRAY"),
    e(&["json_array_length"], 1, 2, S, INT, Args, "JSON_ARRAY_LENGTH"),
    e(&["json_extract_array_element_text"], 2, 3, S, VARCHAR, Always, "JSON_EXTRACT_ARRAY_ELEMENT_TEXT"),
    e(&["json_extract_path_text"], 2, ANY, S, VARCHAR, Always, "JSON_EXTRACT_PATH_TEXT"),
    e(&["json_parse"], 1, 1, S, rule(r::super_), Args, "JSON_PARSE"),
    e(&["json_serialize"], 1, 1, S, VARCHAR, Args, "JSON_SERIALIZE"),
    e(&["json_serialize_to_varbyte"], 1, 1, S, rule(r::varbyte), Args, "JSON_SERIALIZE_TO_VARBYTE"),
    e(&["json_size"], 1, 1, S, INT, Args, "r_json_size"),
    e(&["json_typeof"], 1, 1, S, VARCHAR, Args, "r_json_typeof"),
    e(&["split_to_array"], 1, 2, S, rule(r::super_), Args, "split_to_array"),
    e(&["array"], 0, ANY, S, rule(r::super_), Never, "r_array"),
    e(&["array_concat"], 2, 2, S, rule(r::super_), Args, "r_array_concat"),
    e(&["array_flatten"], 1, ANY, S, rule(r::super_), Args, "array_flatten"),
    e(&["subarray"], 2, 3, S, rule(r::super_), Args, "r_subarray"),
    e(&["size"], 1, 1, S, INT, Args, "r_SIZE"),
    e(&["is_array"], 1, 1, S, BOOL, Args, "r_is_array"),
    e(&["is_bigint"], 1, 1, S, BOOL, Args, "r_is_bigint"),
    e(&["is_boolean"], 1, 1, S, BOOL, Args, "r_is_boolean"),
    e(&["is_char"], 1, 1, S, BOOL, Args, "r_is_char"),
    e(&["is_decimal"], 1, 1, S, BOOL, Args, "r_is_decimal"),
    e(&["is_float"], 1, 1, S, BOOL, Args, "r_is_float"),
    e(&["is_integer"], 1, 1, S, BOOL, Args, "r_is_integer"),
    e(&["is_object"], 1, 1, S, BOOL, Args, "r_is_object"),
    e(&["is_scalar"], 1, 1, S, BOOL, Args, "r_is_scalar"),
    e(&["is_smallint"], 1, 1, S, BOOL, Args, "r_is_smallint"),
    e(&["is_varchar"], 1, 1, S, BOOL, Args, "r_is_varchar"),
    // VARBYTE functions.
    e(&["from_hex"], 1, 1, S, rule(r::varbyte), Args, "r_FROM_HEX"),
    e(&["from_varbyte"], 2, 2, S, VARCHAR, Args, "r_FROM_VARBYTE"),
    e(&["getbit"], 2, 2, S, INT, Args, "r_GETBIT"),
    e(&["to_varbyte"], 2, 2, S, rule(r::varbyte), Args, "r_TO_VARBYTE"),
    // System information.
    e(&["current_aws_account"], 0, 0, S, INT, Never, "r_CURRENT_AWS_ACCOUNT"),
    e(&["current_database"], 0, 0, S, VARCHAR, Never, "r_CURRENT_DATABASE"),
    e(&["current_namespace"], 0, 0, S, VARCHAR, Never, "r_CURRENT_NAMESPACE"),
    e(&["current_schema"], 0, 0, S, VARCHAR, Never, "r_CURRENT_SCHEMA"),
    e(&["current_user", "user"], 0, 0, S, VARCHAR, Never, "r_CURRENT_USER"),
    e(&["current_user_id"], 0, 0, S, INT, Never, "r_CURRENT_USER_ID"),
    e(&["pg_backend_pid"], 0, 0, S, INT, Never, "PG_BACKEND_PID"),
    e(&["pg_last_copy_count"], 0, 0, S, BIGINT, Never, "PG_LAST_COPY_COUNT"),
    e(&["pg_last_copy_id"], 0, 0, S, INT, Never, "PG_LAST_COPY_ID"),
    e(&["pg_last_query_id"], 0, 0, S, INT, Never, "PG_LAST_QUERY_ID"),
    e(&["pg_last_unload_count"], 0, 0, S, BIGINT, Never, "PG_LAST_UNLOAD_COUNT"),
    e(&["slice_num"], 0, 0, S, INT, Never, "r_SLICE_NUM"),
    e(&["version"], 0, 0, S, VARCHAR, Never, "r_VERSION"),
];
