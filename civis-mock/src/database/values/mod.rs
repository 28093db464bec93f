//! Values as Redshift stores and prints them: a value loaded into a typed column is checked
//! against the type and kept as the text an `UNLOAD` (a SQL export) writes for it, so that a
//! client parsing exports by their column types meets what the platform gives it.
//!
//! Type names are read case-insensitively, with their parameters and synonyms. Character
//! types follow Redshift: `VARCHAR` and `TEXT` without a length are `VARCHAR(256)`, `CHAR`
//! without one is `CHAR(1)`, `BPCHAR` is `CHAR(256)`, `MAX` is 65535; lengths count bytes.
//! A type the mock does not know keeps its values as given.

mod numbers;
mod time;

use std::fmt;

pub(super) use time::{is_date, is_timestamp};

/// A column's SQL type, as far as the mock checks its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SqlType {
    SmallInt,
    Integer,
    BigInt,
    Numeric {
        precision: u32,
        scale: u32,
    },
    Real,
    Double,
    Boolean,
    Date,
    Timestamp,
    TimestampTz,
    /// `VARCHAR(n)` and `CHAR(n)`: at most `n` bytes.
    Text {
        bytes: usize,
        fixed: bool,
    },
    Other,
}

/// The widest `VARCHAR` Redshift has, `VARCHAR(MAX)`.
pub(super) const MAX_BYTES: usize = 65_535;

impl SqlType {
    /// The type a column declared as `text` has (`"numeric(10, 2)"`, `"Character Varying"`).
    pub(super) fn parse(text: &str) -> Self {
        let lower = text.to_ascii_lowercase();
        let (base, params) = match lower.split_once('(') {
            Some((base, rest)) => match rest.trim_end().strip_suffix(')') {
                Some(inside) => (base, inside.split(',').map(str::trim).collect()),
                None => return Self::Other,
            },
            None => (lower.as_str(), Vec::new()),
        };
        let base = base.split_whitespace().collect::<Vec<_>>().join(" ");
        let number = |at: usize| params.get(at).map(|p| p.parse::<u32>().ok());
        match (base.as_str(), params.len()) {
            ("smallint" | "int2", 0) => Self::SmallInt,
            ("integer" | "int" | "int4", 0) => Self::Integer,
            ("bigint" | "int8", 0) => Self::BigInt,
            ("numeric" | "decimal", 0..=2) => {
                let precision = number(0).unwrap_or(Some(18));
                let scale = number(1).unwrap_or(Some(0));
                match (precision, scale) {
                    (Some(p @ 1..=38), Some(s)) if s <= p => Self::Numeric {
                        precision: p,
                        scale: s,
                    },
                    _ => Self::Other,
                }
            }
            ("real" | "float4", 0) => Self::Real,
            ("double precision" | "float8" | "float", 0) => Self::Double,
            ("boolean" | "bool", 0) => Self::Boolean,
            ("date", 0) => Self::Date,
            ("timestamp" | "timestamp without time zone", 0) => Self::Timestamp,
            ("timestamptz" | "timestamp with time zone", 0) => Self::TimestampTz,
            ("varchar" | "character varying" | "nvarchar" | "text", 0..=1) => {
                text_type(params.first().copied(), 256, false)
            }
            ("char" | "character" | "nchar", 0..=1) => text_type(params.first().copied(), 1, true),
            ("bpchar", 0..=1) => text_type(params.first().copied(), 256, true),
            _ => Self::Other,
        }
    }
}

fn text_type(length: Option<&str>, default: usize, fixed: bool) -> SqlType {
    let bytes = match length {
        None => Some(default),
        Some(max) if max.eq_ignore_ascii_case("max") => Some(MAX_BYTES),
        Some(n) => n.parse().ok().filter(|n| (1..=MAX_BYTES).contains(n)),
    };
    match bytes {
        Some(bytes) => SqlType::Text { bytes, fixed },
        None => SqlType::Other,
    }
}

/// `text` as a column of `sql_type` stores and prints it, or the database's error.
pub(super) fn normalize(sql_type: SqlType, text: &str) -> Result<String, String> {
    match sql_type {
        SqlType::SmallInt => numbers::integer(text, numbers::Width::Short),
        SqlType::Integer => numbers::integer(text, numbers::Width::Integer),
        SqlType::BigInt => numbers::integer(text, numbers::Width::Long),
        SqlType::Numeric { precision, scale } => numbers::numeric(text, precision, scale),
        SqlType::Real => numbers::real(text),
        SqlType::Double => numbers::double(text),
        SqlType::Boolean => boolean(text),
        SqlType::Date => time::date(text),
        SqlType::Timestamp => time::timestamp(text, false),
        SqlType::TimestampTz => time::timestamp(text, true),
        SqlType::Text { bytes, fixed } => characters(text, bytes, fixed),
        SqlType::Other => Ok(text.to_string()),
    }
}

fn boolean(text: &str) -> Result<String, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "t" | "true" | "1" | "y" | "yes" => Ok("t".into()),
        "f" | "false" | "0" | "n" | "no" => Ok("f".into()),
        _ => Err(format!(
            "Invalid boolean value, Value '{text}', Type: Boolean"
        )),
    }
}

fn characters(text: &str, bytes: usize, fixed: bool) -> Result<String, String> {
    if text.len() <= bytes {
        return Ok(text.to_string());
    }
    let name = if fixed { "Char" } else { "Varchar" };
    Err(format!(
        "String length exceeds DDL length, Value '{text}', Length {}, Type: {name}({bytes})",
        text.len()
    ))
}

/// A value that does not fit its column: the database's error, where it was.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct BadValue {
    /// 1-based, of the rows loaded.
    pub(super) row: usize,
    pub(super) column: String,
    pub(super) message: String,
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (row {}, column \"{}\")",
            self.message, self.row, self.column
        )
    }
}

/// Every value of `rows` as its column (of `columns`, names and SQL types) stores it; the
/// first that does not fit, if any. Values past the columns are left for the width checks.
pub(super) fn normalize_rows(
    columns: &[(String, String)],
    rows: &mut [Vec<Option<String>>],
) -> Result<(), BadValue> {
    let types: Vec<SqlType> = columns.iter().map(|(_, t)| SqlType::parse(t)).collect();
    for (at, row) in rows.iter_mut().enumerate() {
        for ((value, &sql_type), (column, _)) in row.iter_mut().zip(&types).zip(columns) {
            let Some(text) = value else { continue };
            match normalize(sql_type, text) {
                Ok(stored) => {
                    if stored != *text {
                        *text = stored;
                    }
                }
                Err(message) => {
                    return Err(BadValue {
                        row: at + 1,
                        column: column.clone(),
                        message,
                    })
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(sql_type: &str, text: &str) -> Result<String, String> {
        normalize(SqlType::parse(sql_type), text)
    }

    #[test]
    fn type_names_with_any_case_parameters_and_synonyms() {
        assert_eq!(SqlType::parse("INT2"), SqlType::SmallInt);
        assert_eq!(SqlType::parse("Integer"), SqlType::Integer);
        assert_eq!(SqlType::parse("int8"), SqlType::BigInt);
        assert_eq!(
            SqlType::parse("DECIMAL(10, 2)"),
            SqlType::Numeric {
                precision: 10,
                scale: 2
            }
        );
        assert_eq!(
            SqlType::parse("numeric(5)"),
            SqlType::Numeric {
                precision: 5,
                scale: 0
            }
        );
        assert_eq!(
            SqlType::parse("numeric"),
            SqlType::Numeric {
                precision: 18,
                scale: 0
            }
        );
        assert_eq!(SqlType::parse("numeric(3,4)"), SqlType::Other);
        assert_eq!(SqlType::parse("float4"), SqlType::Real);
        assert_eq!(SqlType::parse("DOUBLE  PRECISION"), SqlType::Double);
        assert_eq!(SqlType::parse("float"), SqlType::Double);
        assert_eq!(SqlType::parse("BOOL"), SqlType::Boolean);
        assert_eq!(
            SqlType::parse("timestamp without time zone"),
            SqlType::Timestamp
        );
        assert_eq!(
            SqlType::parse("TIMESTAMP WITH TIME ZONE"),
            SqlType::TimestampTz
        );
        assert_eq!(
            SqlType::parse("character varying(12)"),
            SqlType::Text {
                bytes: 12,
                fixed: false
            }
        );
        assert_eq!(
            SqlType::parse("varchar(max)"),
            SqlType::Text {
                bytes: MAX_BYTES,
                fixed: false
            }
        );
        assert_eq!(
            SqlType::parse("TEXT"),
            SqlType::Text {
                bytes: 256,
                fixed: false
            }
        );
        assert_eq!(
            SqlType::parse("char"),
            SqlType::Text {
                bytes: 1,
                fixed: true
            }
        );
        assert_eq!(SqlType::parse("SUPER"), SqlType::Other);
        assert_eq!(SqlType::parse("varchar(12"), SqlType::Other);
    }

    #[test]
    fn booleans_print_as_t_and_f() {
        for yes in ["t", "TRUE", "True", "1", "y", "Yes", " true "] {
            assert_eq!(stored("boolean", yes).unwrap(), "t", "{yes}");
        }
        for no in ["f", "FALSE", "0", "N", "no"] {
            assert_eq!(stored("bool", no).unwrap(), "f", "{no}");
        }
        let error = stored("boolean", "maybe").unwrap_err();
        assert!(
            error.contains("'maybe'") && error.contains("Boolean"),
            "{error}"
        );
    }

    #[test]
    fn characters_are_kept_and_their_bytes_counted() {
        assert_eq!(stored("varchar(5)", " a b ").unwrap(), " a b ");
        assert!(stored("char(4)", "ünï").unwrap_err().contains("Length 5"));
        assert!(stored("varchar(3)", "abcd")
            .unwrap_err()
            .starts_with("String length exceeds DDL length, Value 'abcd'"));
        assert!(stored("text", &"x".repeat(257)).is_err());
        assert!(stored("varchar(max)", &"x".repeat(60_000)).is_ok());
    }

    #[test]
    fn unknown_types_keep_values_as_given() {
        assert_eq!(stored("SUPER", " {\"a\": 1} ").unwrap(), " {\"a\": 1} ");
        assert_eq!(stored("geometry", "anything").unwrap(), "anything");
    }

    #[test]
    fn rows_are_normalized_in_place_and_a_bad_value_says_where() {
        let columns = vec![
            ("id".to_string(), "INTEGER".to_string()),
            ("ok".to_string(), "BOOLEAN".to_string()),
        ];
        let mut rows = vec![
            vec![Some("007".to_string()), Some("true".to_string())],
            vec![None, None],
        ];
        normalize_rows(&columns, &mut rows).unwrap();
        assert_eq!(rows[0], [Some("7".to_string()), Some("t".to_string())]);
        assert_eq!(rows[1], [None, None]);

        rows.push(vec![Some("x".to_string()), Some("f".to_string())]);
        let bad = normalize_rows(&columns, &mut rows).unwrap_err();
        assert_eq!(bad.row, 3);
        assert_eq!(
            bad.to_string(),
            "Invalid digit, Value 'x', Pos 0, Type: Integer (row 3, column \"id\")"
        );
    }
}
