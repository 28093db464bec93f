//! The SQL types of Civis table columns (`sqlType` of `GET /tables/{id}`), and the text Redshift
//! writes for their values in a CSV export, read back into values.
//!
//! The mapping is documented on [`SqlType`], the public face of this module.

use std::fmt;

// The readers of dates and times are the time module's, under their old paths here (typed
// results, Arrow and polars import them from this module).
pub use crate::data::time::{parse_date, parse_timestamp, parse_timestamptz};

/// The type of a table column, as typed results read it.
///
/// One table maps each SQL type to a value type; typed results (`rows_as`, Arrow batches,
/// polars DataFrames) and frame imports all go by it:
///
/// | SQL type (and synonyms)                               | [`SqlType`]     | Arrow                     | polars                 |
/// |-------------------------------------------------------|-----------------|---------------------------|------------------------|
/// | `smallint`, `int2`                                    | `SmallInt`      | `Int16`                   | `Int32`                |
/// | `integer`, `int`, `int4`                              | `Integer`       | `Int32`                   | `Int32`                |
/// | `bigint`, `int8`                                      | `BigInt`        | `Int64`                   | `Int64`                |
/// | `numeric(p,s)`, `decimal(p,s)` (default `(18,0)`)     | `Numeric`       | `Decimal128(p, s)`        | `Float64`              |
/// | `real`, `float4`                                      | `Real`          | `Float32`                 | `Float32`              |
/// | `double precision`, `float8`, `float`                 | `Double`        | `Float64`                 | `Float64`              |
/// | `boolean`, `bool` (exported as `t`/`f`)               | `Boolean`       | `Boolean`                 | `Boolean`              |
/// | `date`                                                | `Date`          | `Date32`                  | `Date`                 |
/// | `timestamp` (`without time zone`)                     | `Timestamp`     | `Timestamp(µs, None)`     | `Datetime(µs, None)`   |
/// | `timestamptz` (`timestamp with time zone`, `+00`)     | `TimestampTz`   | `Timestamp(µs, "UTC")`    | `Datetime(µs, "UTC")`  |
/// | `character varying(n)`, `varchar`, `char`, `text`, and any other type | `Text` | `Utf8`    | `String`               |
///
/// polars has no decimal or 16-bit types without its `dtype-decimal` and `dtype-i16` features,
/// which this crate leaves out to keep polars' build small: `numeric` becomes `Float64` there
/// (exact up to 15 significant digits) and `smallint` `Int32`.
/// `time`, `timetz`, `super`, `geometry` and types this table does not know are text: an
/// unknown type is never a failure.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::tables::SqlType;
/// assert_eq!(SqlType::parse("NUMERIC(12,2)"), SqlType::Numeric { precision: 12, scale: 2 });
/// assert_eq!(SqlType::parse("character varying(256)"), SqlType::Text);
/// assert_eq!(SqlType::parse("timestamp with time zone"), SqlType::TimestampTz);
/// assert_eq!(SqlType::parse("geometry"), SqlType::Text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SqlType {
    /// `smallint`: 16-bit integers.
    SmallInt,
    /// `integer`: 32-bit integers.
    Integer,
    /// `bigint`: 64-bit integers.
    BigInt,
    /// `numeric(precision, scale)`: exact decimals.
    Numeric {
        /// Digits in all, at most 38.
        precision: u8,
        /// Digits after the point.
        scale: u8,
    },
    /// `real`: 32-bit floating point.
    Real,
    /// `double precision`: 64-bit floating point.
    Double,
    /// `boolean`: Redshift exports `t` and `f`.
    Boolean,
    /// `date`: `YYYY-MM-DD`.
    Date,
    /// `timestamp without time zone`: `YYYY-MM-DD HH:MM:SS[.ffffff]`.
    Timestamp,
    /// `timestamp with time zone`, exported in UTC with an offset: `2024-03-01 12:00:00+00`.
    TimestampTz,
    /// Text: `varchar`, `char`, `text`, and every type not listed here.
    Text,
}

/// Redshift's largest decimal precision.
const MAX_PRECISION: u8 = 38;

impl SqlType {
    /// The type a column's `sqlType` names (any case, with or without parameters); an unknown
    /// type is [`Text`](Self::Text).
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use civis::tables::SqlType;
    /// assert_eq!(SqlType::parse("int8"), SqlType::BigInt);
    /// assert_eq!(SqlType::parse("decimal"), SqlType::Numeric { precision: 18, scale: 0 });
    /// assert_eq!(SqlType::parse("BOOL"), SqlType::Boolean);
    /// ```
    pub fn parse(sql_type: &str) -> Self {
        let lower = sql_type.trim().to_ascii_lowercase();
        let (name, params) = match lower.split_once('(') {
            Some((name, rest)) => (name.trim(), rest.trim_end_matches(')')),
            None => (lower.as_str(), ""),
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        match words.as_slice() {
            ["smallint"] | ["int2"] => Self::SmallInt,
            ["integer"] | ["int"] | ["int4"] => Self::Integer,
            ["bigint"] | ["int8"] => Self::BigInt,
            ["numeric"] | ["decimal"] => numeric(params),
            ["real"] | ["float4"] => Self::Real,
            ["double", "precision"] | ["float8"] | ["float"] => Self::Double,
            ["boolean"] | ["bool"] => Self::Boolean,
            ["date"] => Self::Date,
            ["timestamp"] | ["timestamp", "without", "time", "zone"] => Self::Timestamp,
            ["timestamptz"] | ["timestamp", "with", "time", "zone"] => Self::TimestampTz,
            _ => Self::Text,
        }
    }

    /// The SQL type to declare for a column of this type in an import's `table_columns`; text
    /// is declared `VARCHAR(text_length)`.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use civis::tables::SqlType;
    /// assert_eq!(SqlType::Double.declare(0), "DOUBLE PRECISION");
    /// assert_eq!(SqlType::Numeric { precision: 10, scale: 2 }.declare(0), "NUMERIC(10,2)");
    /// assert_eq!(SqlType::Text.declare(300), "VARCHAR(300)");
    /// ```
    pub fn declare(self, text_length: usize) -> String {
        match self {
            Self::SmallInt => "SMALLINT".into(),
            Self::Integer => "INTEGER".into(),
            Self::BigInt => "BIGINT".into(),
            Self::Numeric { precision, scale } => format!("NUMERIC({precision},{scale})"),
            Self::Real => "REAL".into(),
            Self::Double => "DOUBLE PRECISION".into(),
            Self::Boolean => "BOOLEAN".into(),
            Self::Date => "DATE".into(),
            Self::Timestamp => "TIMESTAMP".into(),
            Self::TimestampTz => "TIMESTAMPTZ".into(),
            Self::Text => format!("VARCHAR({})", text_length.clamp(1, MAX_VARCHAR)),
        }
    }

    /// Whether `text` is a value of this type as Redshift writes it (text always is).
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use civis::tables::SqlType;
    /// assert!(SqlType::Boolean.accepts("t"));
    /// assert!(SqlType::TimestampTz.accepts("2024-03-01 12:00:00.5+00"));
    /// assert!(!SqlType::Integer.accepts("1.5"));
    /// ```
    pub fn accepts(self, text: &str) -> bool {
        match self {
            Self::SmallInt => text.parse::<i16>().is_ok(),
            Self::Integer => text.parse::<i32>().is_ok(),
            Self::BigInt => text.parse::<i64>().is_ok(),
            Self::Numeric { precision, scale } => parse_decimal(text, precision, scale).is_some(),
            Self::Real => parse_real(text).is_some(),
            Self::Double => parse_double(text).is_some(),
            Self::Boolean => parse_bool(text).is_some(),
            Self::Date => parse_date(text).is_some(),
            Self::Timestamp => parse_timestamp(text).is_some(),
            Self::TimestampTz => parse_timestamptz(text).is_some(),
            Self::Text => true,
        }
    }
}

/// The longest `VARCHAR` Redshift allows, in bytes.
pub const MAX_VARCHAR: usize = 65_535;

fn numeric(params: &str) -> SqlType {
    let mut numbers = params.split(',').map(|p| p.trim().parse::<u8>().ok());
    let precision = numbers
        .next()
        .flatten()
        .unwrap_or(18)
        .clamp(1, MAX_PRECISION);
    let scale = numbers.next().flatten().unwrap_or(0).min(precision);
    SqlType::Numeric { precision, scale }
}

impl fmt::Display for SqlType {
    /// The type as the module's table names it (`double precision`, `numeric(12,2)`), for
    /// error messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SmallInt => f.write_str("a smallint"),
            Self::Integer => f.write_str("an integer"),
            Self::BigInt => f.write_str("a bigint"),
            Self::Numeric { precision, scale } => write!(f, "a numeric({precision},{scale})"),
            Self::Real => f.write_str("a real"),
            Self::Double => f.write_str("a double precision"),
            Self::Boolean => f.write_str("a boolean (t or f)"),
            Self::Date => f.write_str("a date (YYYY-MM-DD)"),
            Self::Timestamp => f.write_str("a timestamp (YYYY-MM-DD HH:MM:SS[.ffffff])"),
            Self::TimestampTz => {
                f.write_str("a timestamp with time zone (YYYY-MM-DD HH:MM:SS[.ffffff]+HH)")
            }
            Self::Text => f.write_str("text"),
        }
    }
}

/// A boolean as Redshift exports it (`t`, `f`), or as most CSV writers do (`true`, `false`),
/// in any case.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::values::parse_bool;
/// assert_eq!(parse_bool("t"), Some(true));
/// assert_eq!(parse_bool("FALSE"), Some(false));
/// assert_eq!(parse_bool("yes"), None);
/// ```
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.len() {
        1 | 4 | 5 => {}
        _ => return None,
    }
    if text.eq_ignore_ascii_case("t") || text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("f") || text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A `real` (a 32-bit float) as Redshift writes it, or `None` when the text is not a number or
/// is a finite number beyond `f32`'s range (which would read as infinity): Redshift's own
/// `Infinity`, `-Infinity` and `NaN` read as such.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::values::parse_real;
/// assert_eq!(parse_real("1.5"), Some(1.5));
/// assert_eq!(parse_real("-Infinity"), Some(f32::NEG_INFINITY));
/// assert_eq!(parse_real("1e39"), None);
/// ```
pub fn parse_real(text: &str) -> Option<f32> {
    let value = text.parse::<f32>().ok()?;
    (value.is_finite() || says_infinity(text)).then_some(value)
}

/// A `double precision` as Redshift writes it, or `None` when the text is not a number or is a
/// finite number beyond `f64`'s range, as [`parse_real`] reads a `real`.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::values::parse_double;
/// assert_eq!(parse_double("1e39"), Some(1e39));
/// assert_eq!(parse_double("1e400"), None);
/// ```
pub fn parse_double(text: &str) -> Option<f64> {
    let value = text.parse::<f64>().ok()?;
    (value.is_finite() || says_infinity(text)).then_some(value)
}

/// Whether `text` spells infinity or NaN itself (`Infinity`, `-inf`, `NaN`), rather than a
/// number too large for its type.
fn says_infinity(text: &str) -> bool {
    let unsigned = text.trim_start_matches(['+', '-']).to_ascii_lowercase();
    matches!(unsigned.as_str(), "inf" | "infinity" | "nan")
}

/// An exact decimal with `scale` digits after the point, as an integer of that many
/// hundredths, thousandths...: `12.5` at scale 2 is `1250`. Fewer digits are padded; more, or
/// more than `precision` in all, are `None` (Redshift writes exactly `scale`).
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::values::parse_decimal;
/// assert_eq!(parse_decimal("-12.5", 10, 2), Some(-1250));
/// assert_eq!(parse_decimal("7", 10, 2), Some(700));
/// assert_eq!(parse_decimal("1.234", 10, 2), None);
/// ```
pub fn parse_decimal(text: &str, precision: u8, scale: u8) -> Option<i128> {
    // One pass over the bytes (every byte that counts is ASCII; a decoder calls this per field):
    // leading zeros skipped, a fraction's zeros held until a digit follows them, so that
    // trailing ones are not counted against the scale.
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        all => (false, all),
    };
    let (precision, scale) = (usize::from(precision), usize::from(scale));
    let mut value: i128 = 0;
    let (mut whole, mut fraction, mut held_zeros) = (0, 0, 0);
    let (mut point, mut any_digit) = (false, false);
    for &byte in digits {
        if byte == b'.' && !point {
            point = true;
            continue;
        }
        if !byte.is_ascii_digit() {
            return None;
        }
        any_digit = true;
        let digit = i128::from(byte - b'0');
        if point {
            if digit == 0 {
                held_zeros += 1;
                continue;
            }
            fraction += held_zeros + 1;
            if fraction > scale {
                return None;
            }
            for _ in 0..held_zeros {
                value *= 10;
            }
            held_zeros = 0;
        } else if value == 0 && digit == 0 {
            continue;
        } else {
            whole += 1;
            if whole + scale > precision {
                return None;
            }
        }
        value = value * 10 + digit;
    }
    if !any_digit {
        return None;
    }
    for _ in fraction..scale {
        value *= 10;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_of_the_table_parses_from_its_names() {
        let cases = [
            ("smallint", SqlType::SmallInt),
            ("INT2", SqlType::SmallInt),
            ("integer", SqlType::Integer),
            ("int4", SqlType::Integer),
            ("bigint", SqlType::BigInt),
            (
                "numeric(38,10)",
                SqlType::Numeric {
                    precision: 38,
                    scale: 10,
                },
            ),
            (
                "numeric( 5 , 5 )",
                SqlType::Numeric {
                    precision: 5,
                    scale: 5,
                },
            ),
            ("real", SqlType::Real),
            ("float", SqlType::Double),
            ("double  precision", SqlType::Double),
            ("boolean", SqlType::Boolean),
            ("date", SqlType::Date),
            ("timestamp without time zone", SqlType::Timestamp),
            ("TIMESTAMPTZ", SqlType::TimestampTz),
            ("varchar(65535)", SqlType::Text),
            ("time without time zone", SqlType::Text),
            ("", SqlType::Text),
        ];
        for (name, expected) in cases {
            assert_eq!(SqlType::parse(name), expected, "{name}");
        }
    }

    #[test]
    fn a_real_beyond_f32s_range_is_refused_and_infinity_said_is_read() {
        assert_eq!(parse_real("3.4e38"), Some(3.4e38));
        assert_eq!(parse_real("1e39"), None);
        assert_eq!(parse_real("-1e39"), None);
        assert!(!SqlType::Real.accepts("1e39"));
        assert_eq!(parse_real("Infinity"), Some(f32::INFINITY));
        assert_eq!(parse_real("-inf"), Some(f32::NEG_INFINITY));
        assert!(parse_real("NaN").is_some_and(f32::is_nan));
        assert_eq!(parse_real("abc"), None);
        assert_eq!(parse_double("1e308"), Some(1e308));
        assert_eq!(parse_double("1e309"), None);
    }

    #[test]
    fn decimals_keep_every_digit_and_refuse_what_does_not_fit() {
        assert_eq!(
            parse_decimal("12345678901234567890.123456789012345678", 38, 18),
            Some(12_345_678_901_234_567_890_123_456_789_012_345_678)
        );
        assert_eq!(parse_decimal("0.10", 3, 2), Some(10));
        assert_eq!(parse_decimal(".5", 3, 2), Some(50));
        assert_eq!(parse_decimal("100.00", 4, 2), None);
        assert_eq!(parse_decimal("1e5", 10, 0), None);
        assert_eq!(parse_decimal("-", 10, 0), None);
        assert_eq!(parse_decimal("", 10, 0), None);
        assert_eq!(parse_decimal("1.2.3", 10, 2), None);
        assert_eq!(parse_decimal("-007.050", 4, 2), Some(-705));
    }

    /// The one-pass reading agrees with the plain one (split at the point, zeros trimmed,
    /// lengths checked, then the digits read) on every short text of the characters that
    /// matter, at several precisions and scales.
    #[test]
    fn decimals_read_in_one_pass_as_split_and_trimmed() {
        fn plain(text: &str, precision: u8, scale: u8) -> Option<i128> {
            let (negative, digits) = match text.as_bytes().first()? {
                b'-' => (true, &text[1..]),
                b'+' => (false, &text[1..]),
                _ => (false, text),
            };
            let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
            let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
            if (whole.is_empty() && fraction.is_empty())
                || !all_digits(whole)
                || !all_digits(fraction)
            {
                return None;
            }
            let fraction = fraction.trim_end_matches('0');
            let whole = whole.trim_start_matches('0');
            if fraction.len() > usize::from(scale)
                || whole.len() + usize::from(scale) > usize::from(precision)
            {
                return None;
            }
            let digits: String = [
                whole,
                fraction,
                &"0".repeat(usize::from(scale) - fraction.len()),
            ]
            .concat();
            let value: i128 = if digits.is_empty() {
                0
            } else {
                digits.parse().ok()?
            };
            Some(if negative { -value } else { value })
        }
        let mut read = 0;
        for text in &crate::data::every_text::every_text(&['0', '1', '9', '.', '-', 'e'], 6) {
            for (precision, scale) in [(1, 0), (3, 2), (5, 1), (38, 10)] {
                let value = parse_decimal(text, precision, scale);
                assert_eq!(
                    value,
                    plain(text, precision, scale),
                    "{text:?} at ({precision}, {scale})"
                );
                read += usize::from(value.is_some());
            }
        }
        assert!(read > 1_000, "only {read} values read");
    }
}
