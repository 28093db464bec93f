//! Values of a typed query's record read from the text an export holds: [`Decode`] and its
//! implementations for the Rust types `civis::query!` maps SQL types to.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;

use super::column::Column;
use crate::data::sql_types::{
    parse_bool, parse_date, parse_decimal, parse_double, parse_real, parse_timestamp,
    parse_timestamptz, SqlType,
};

/// A Rust type a field of a typed query's record can be: read from the text Redshift writes
/// for a value in an export (`t`/`f` for booleans, `2024-03-01 12:00:00+00` for a
/// `timestamptz`, ...).
///
/// `field` is `None` for SQL NULL, which an export writes as an empty field (as it writes the
/// empty string: a text column read as `String` takes an empty field as `""`, as
/// `Option<String>` as `None`). The error is what the value should have been and why it is not,
/// in words that complete `"abc" is not ...`; the record's decoder makes it an
/// [`Error::Value`](crate::Error::Value) naming the row and the column.
///
/// Implement it for a type of your own, and name that type in the column's alias
/// (`select amount as "amount: Cents" ...`):
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::{Column, Decode, SqlType};
///
/// struct Cents(i64);
///
/// impl Decode for Cents {
///     fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
///         let dollars = f64::decode(field, column)?;
///         Ok(Cents((dollars * 100.0).round() as i64))
///     }
/// }
///
/// let column = Column::new("amount", SqlType::Double, false);
/// assert_eq!(Cents::decode(Some("12.5"), &column).unwrap().0, 1250);
/// assert!(Cents::decode(None, &column).is_err());
/// ```
pub trait Decode: Sized {
    /// The value of `field` (`None`: SQL NULL) of `column`, or what it should have been.
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String>;
}

/// Why an empty field (SQL NULL) cannot be a `rust` value of `column`.
fn null(rust: &str, column: &Column) -> String {
    let why = if column.nullable {
        "the column may be NULL"
    } else {
        // The analysis said NOT NULL: the table changed, or the alias's `!` was wrong.
        "the query found the column NOT NULL, so a table it reads may have changed since it was pinned (`civis tables pin --refresh`)"
    };
    format!(
        "a {rust}: the field is empty, which an export writes for NULL, and {rust} has no NULL; {why}: read it as Option<{rust}> (the alias \"{}?\")",
        column.name
    )
}

/// The text of a field that must not be NULL.
fn present<'a>(field: Option<&'a str>, rust: &str, column: &Column) -> Result<&'a str, String> {
    field.ok_or_else(|| null(rust, column))
}

macro_rules! integer {
    ($($type:ty => $sql:literal),*) => {$(
        #[doc = concat!("A `", $sql, "` (or any integer that fits), range-checked: one beyond `", stringify!($type), "`'s range is an error.")]
        impl Decode for $type {
            fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
                let text = present(field, stringify!($type), column)?;
                text.parse().map_err(|error| {
                    format!(concat!("an ", stringify!($type), " (", $sql, "): {}"), error)
                })
            }
        }
    )*};
}

integer!(i16 => "smallint", i32 => "integer", i64 => "bigint");

/// A `real`: one beyond `f32`'s range is an error, not infinity (Redshift's own `Infinity`
/// and `NaN` read as such).
impl Decode for f32 {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        let text = present(field, "f32", column)?;
        parse_real(text).ok_or_else(|| "an f32 (real)".to_string())
    }
}

/// A `double precision` (or any number), as [`parse_double`] reads it.
impl Decode for f64 {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        let text = present(field, "f64", column)?;
        parse_double(text).ok_or_else(|| "an f64 (double precision)".to_string())
    }
}

/// A `boolean`: Redshift's `t`/`f`, or `true`/`false`, in any case.
impl Decode for bool {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        let text = present(field, "bool", column)?;
        parse_bool(text).ok_or_else(|| "a bool (boolean: t or f)".to_string())
    }
}

/// Any value's text as the export writes it. An empty field of a text column is `""` (an
/// export cannot tell NULL from the empty string there); of another type it is NULL, which a
/// `String` cannot hold.
impl Decode for String {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        match field {
            Some(text) => Ok(text.to_string()),
            None if column.sql_type == SqlType::Text => Ok(String::new()),
            None => Err(null("String", column)),
        }
    }
}

/// A `numeric(p,s)`, exact: a value with more than `p` digits or more than `s` after the
/// point is an error, never rounded, and so is one beyond rust_decimal's 28 digits. The
/// decimal has scale `s` (`12.50` of a `numeric(10,2)`). Of a column of another type, any
/// decimal text that rust_decimal holds exactly.
impl Decode for Decimal {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        let text = present(field, "Decimal", column)?;
        let SqlType::Numeric { precision, scale } = column.sql_type else {
            return Decimal::from_str_exact(text).map_err(|error| format!("a Decimal: {error}"));
        };
        let units = parse_decimal(text, precision, scale).ok_or_else(|| {
            format!(
                "a Decimal of numeric({precision},{scale}): at most {precision} digits, {scale} of them after the point (a value is never rounded)"
            )
        })?;
        Decimal::try_from_i128_with_scale(units, u32::from(scale)).map_err(|_| {
            format!(
                "a Decimal: rust_decimal holds at most 28 digits, and this numeric({precision},{scale}) has more; read the column as String (the alias \"{}: String\")",
                column.name
            )
        })
    }
}

/// A `date`, `YYYY-MM-DD`.
impl Decode for NaiveDate {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        let text = present(field, "NaiveDate", column)?;
        parse_date(text)
            // Day 1 of the common era is 719,163 days before 1970-01-01.
            .and_then(|days| NaiveDate::from_num_days_from_ce_opt(days.checked_add(719_163)?))
            .ok_or_else(|| "a NaiveDate (date: YYYY-MM-DD)".to_string())
    }
}

/// A `timestamp`, `YYYY-MM-DD HH:MM:SS[.ffffff]`.
impl Decode for NaiveDateTime {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        let text = present(field, "NaiveDateTime", column)?;
        parse_timestamp(text)
            .and_then(DateTime::from_timestamp_micros)
            .map(|at| at.naive_utc())
            .ok_or_else(|| "a NaiveDateTime (timestamp: YYYY-MM-DD HH:MM:SS[.ffffff])".to_string())
    }
}

/// A `timestamptz`, as Redshift exports it in UTC (`2024-03-01 12:00:00+00`), or with any
/// offset.
impl Decode for DateTime<Utc> {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        let text = present(field, "DateTime<Utc>", column)?;
        parse_timestamptz(text)
            .and_then(DateTime::from_timestamp_micros)
            .ok_or_else(|| {
                "a DateTime<Utc> (timestamptz: YYYY-MM-DD HH:MM:SS[.ffffff]+HH)".to_string()
            })
    }
}

/// A NULL-able column: an empty field is `None`, anything else a `T`.
impl<T: Decode> Decode for Option<T> {
    fn decode(field: Option<&str>, column: &Column) -> Result<Self, String> {
        field.map(|text| T::decode(Some(text), column)).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn column(sql_type: SqlType, nullable: bool) -> Column {
        Column::new("c", sql_type, nullable)
    }

    #[test]
    fn integers_are_range_checked_and_null_needs_an_option() {
        let c = column(SqlType::SmallInt, false);
        assert_eq!(i16::decode(Some("-32768"), &c), Ok(-32768));
        let error = i16::decode(Some("32768"), &c).unwrap_err();
        assert!(error.starts_with("an i16 (smallint): "), "{error}");
        assert_eq!(i64::decode(Some("9223372036854775807"), &c), Ok(i64::MAX));
        assert!(i32::decode(Some("1.5"), &c).is_err());
        let error = i32::decode(None, &c).unwrap_err();
        assert!(
            error.contains("NOT NULL") && error.contains("Option<i32>") && error.contains("\"c?\""),
            "{error}"
        );
        assert_eq!(Option::<i32>::decode(None, &c), Ok(None));
        assert_eq!(Option::<i32>::decode(Some("7"), &c), Ok(Some(7)));
    }

    #[test]
    fn booleans_floats_and_text_read_as_redshift_writes_them() {
        let c = column(SqlType::Boolean, true);
        assert_eq!(bool::decode(Some("t"), &c), Ok(true));
        assert_eq!(bool::decode(Some("FALSE"), &c), Ok(false));
        assert!(bool::decode(Some("yes"), &c).is_err());
        assert_eq!(f32::decode(Some("1.5"), &c), Ok(1.5));
        assert!(f32::decode(Some("1e39"), &c).is_err());
        assert_eq!(f64::decode(Some("-Infinity"), &c), Ok(f64::NEG_INFINITY));
        let text = column(SqlType::Text, false);
        assert_eq!(String::decode(None, &text), Ok(String::new()));
        assert_eq!(Option::<String>::decode(None, &text), Ok(None));
        assert!(String::decode(None, &column(SqlType::Date, false)).is_err());
    }

    #[test]
    fn decimals_are_exact_at_their_scale_and_never_rounded() {
        let c = column(
            SqlType::Numeric {
                precision: 6,
                scale: 2,
            },
            false,
        );
        let value = Decimal::decode(Some("1234.5"), &c).unwrap();
        assert_eq!(value.to_string(), "1234.50");
        assert_eq!(
            Decimal::decode(Some("-0.01"), &c).unwrap().to_string(),
            "-0.01"
        );
        for beyond in ["12345.00", "1.234", "abc", ""] {
            let error = Decimal::decode(Some(beyond), &c).unwrap_err();
            assert!(error.contains("numeric(6,2)"), "{beyond}: {error}");
        }
        // Redshift's 38 digits are beyond rust_decimal's 28: an error, not a rounded value.
        let wide = column(
            SqlType::Numeric {
                precision: 38,
                scale: 0,
            },
            false,
        );
        let error = Decimal::decode(Some(&"9".repeat(30)), &wide).unwrap_err();
        assert!(error.contains("28 digits"), "{error}");
        let double = column(SqlType::Double, false);
        assert_eq!(
            Decimal::decode(Some("0.1"), &double).unwrap().to_string(),
            "0.1"
        );
    }

    #[test]
    fn dates_and_times_read_redshifts_text_forms() {
        let c = column(SqlType::Date, false);
        assert_eq!(
            NaiveDate::decode(Some("2024-02-29"), &c),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
        );
        assert_eq!(
            NaiveDate::decode(Some("1969-12-31"), &c),
            Ok(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap())
        );
        assert!(NaiveDate::decode(Some("2023-02-29"), &c).is_err());
        let at = NaiveDate::from_ymd_opt(2024, 3, 1)
            .unwrap()
            .and_hms_micro_opt(12, 0, 1, 500_000)
            .unwrap();
        assert_eq!(
            NaiveDateTime::decode(Some("2024-03-01 12:00:01.5"), &c),
            Ok(at)
        );
        assert_eq!(
            DateTime::<Utc>::decode(Some("2024-03-01 13:00:01.5+01"), &c),
            Ok(at.and_utc())
        );
        assert!(NaiveDateTime::decode(Some("2024-03-01 12:00:00+00"), &c).is_err());
    }
}
