//! The Rust type a query's column is read into: the issue's table, `.civis/sql.toml`'s
//! `[types]` by SQL type name, the alias's override (`as "amount: f64"`), `Option` when the
//! column may be NULL.

use crate::rules::Ty;
use crate::{OutputColumn, SqlConfig};

/// A Rust type for the code the macro writes and for people to read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RustType {
    /// Tokens of the type as the macro writes it, paths absolute
    /// (`::core::option::Option<::civis::sql::types::Decimal>`).
    pub path: String,
    /// The type as a person reads it (`Option<Decimal>`).
    pub display: String,
}

/// The Rust type of `column`: its alias's type when it gives one, else `config`'s `[types]`
/// entry for its SQL type, else the issue's mapping (smallint `i16`, integer `i32`, bigint
/// `i64`, real `f32`, double precision `f64`, boolean `bool`, numeric `Decimal`, date
/// `NaiveDate`, timestamp `NaiveDateTime`, timestamptz `DateTime<Utc>`, anything else
/// `String`), in an `Option` when the column may be NULL.
pub fn rust_type(column: &OutputColumn, config: &SqlConfig) -> RustType {
    let (path, display) = if let Some(written) = &column.rust_override {
        (written.clone(), written.clone())
    } else if let Some(path) = configured(&column.ty, config) {
        (path.to_owned(), shorten(path))
    } else {
        let path = default_path(&column.ty);
        (path.to_owned(), shorten(path))
    };
    if column.nullable {
        RustType {
            path: format!("::core::option::Option<{path}>"),
            display: format!("Option<{display}>"),
        }
    } else {
        RustType { path, display }
    }
}

/// The `[types]` entry for `ty`: by its full SQL name (`numeric(12,2)`) first, then by any
/// name of its type (`numeric`, `decimal`).
fn configured<'c>(ty: &Ty, config: &'c SqlConfig) -> Option<&'c str> {
    if config.types.is_empty() {
        return None;
    }
    let full = ty.sql_name().to_lowercase();
    let names = type_names(ty);
    config
        .types
        .iter()
        .find(|(key, _)| key.trim().eq_ignore_ascii_case(&full))
        .or_else(|| {
            config.types.iter().find(|(key, _)| {
                let key = key.trim().to_lowercase();
                names.contains(&key)
            })
        })
        .map(|(_, path)| path.as_str())
}

/// The names SQL gives a type, without lengths or precision.
fn type_names(ty: &Ty) -> Vec<String> {
    let names: &[&str] = match ty {
        Ty::SmallInt => &["smallint", "int2"],
        Ty::Integer => &["integer", "int", "int4"],
        Ty::BigInt => &["bigint", "int8"],
        Ty::Numeric { .. } => &["numeric", "decimal"],
        Ty::Real => &["real", "float4"],
        Ty::Double => &["double precision", "float8", "float"],
        Ty::Boolean => &["boolean", "bool"],
        Ty::Char(_) => &["char", "character", "bpchar", "nchar"],
        Ty::Varchar(_) => &["varchar", "character varying", "text", "nvarchar"],
        Ty::Date => &["date"],
        Ty::Time => &["time", "time without time zone"],
        Ty::TimeTz => &["timetz", "time with time zone"],
        Ty::Timestamp => &["timestamp", "timestamp without time zone"],
        Ty::TimestampTz => &["timestamptz", "timestamp with time zone"],
        Ty::Interval => &["interval"],
        Ty::Other(name) => return vec![name.to_lowercase()],
        _ => &[],
    };
    names.iter().map(|n| (*n).to_owned()).collect()
}

/// The issue's mapping.
fn default_path(ty: &Ty) -> &'static str {
    match ty {
        Ty::SmallInt => "i16",
        Ty::Integer => "i32",
        Ty::BigInt => "i64",
        Ty::Real => "f32",
        Ty::Double => "f64",
        Ty::Boolean => "bool",
        Ty::Numeric { .. } => "::civis::sql::types::Decimal",
        Ty::Date => "::civis::sql::types::chrono::NaiveDate",
        Ty::Timestamp => "::civis::sql::types::chrono::NaiveDateTime",
        Ty::TimestampTz => {
            "::civis::sql::types::chrono::DateTime<::civis::sql::types::chrono::Utc>"
        }
        _ => "::std::string::String",
    }
}

/// A type's tokens with every path cut to its last segment:
/// `::a::b::DateTime<::a::Utc>` is `DateTime<Utc>`.
fn shorten(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut segment = String::new();
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            segment.clear();
        } else if c.is_alphanumeric() || c == '_' {
            segment.push(c);
        } else {
            out.push_str(&segment);
            segment.clear();
            out.push(c);
        }
    }
    out.push_str(&segment);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(ty: Ty, nullable: bool, rust_override: Option<&str>) -> OutputColumn {
        OutputColumn {
            name: "c".into(),
            ty,
            nullable,
            rust_override: rust_override.map(Into::into),
        }
    }

    #[test]
    fn the_issue_mapping_with_option_for_nullable() {
        let config = SqlConfig::default();
        let cases = [
            (Ty::SmallInt, "i16"),
            (Ty::Integer, "i32"),
            (Ty::BigInt, "i64"),
            (Ty::Real, "f32"),
            (Ty::Double, "f64"),
            (Ty::Boolean, "bool"),
            (
                Ty::Numeric {
                    precision: 12,
                    scale: 2,
                },
                "Decimal",
            ),
            (Ty::Date, "NaiveDate"),
            (Ty::Timestamp, "NaiveDateTime"),
            (Ty::TimestampTz, "DateTime<Utc>"),
            (Ty::Varchar(Some(3)), "String"),
            (Ty::Interval, "String"),
            (Ty::Other("super".into()), "String"),
        ];
        for (ty, display) in cases {
            assert_eq!(
                rust_type(&column(ty, false, None), &config).display,
                display
            );
        }
        let tz = rust_type(&column(Ty::TimestampTz, true, None), &config);
        assert_eq!(
            tz.path,
            "::core::option::Option<::civis::sql::types::chrono::DateTime<::civis::sql::types::chrono::Utc>>"
        );
        assert_eq!(tz.display, "Option<DateTime<Utc>>");
    }

    #[test]
    fn overrides_and_configured_types() {
        let mut config = SqlConfig::default();
        config
            .types
            .insert("timestamptz".into(), "::my::Instant".into());
        config
            .types
            .insert("Character Varying".into(), "::my::Text".into());
        let t = rust_type(&column(Ty::TimestampTz, false, None), &config);
        assert_eq!(
            (t.path.as_str(), t.display.as_str()),
            ("::my::Instant", "Instant")
        );
        assert_eq!(
            rust_type(&column(Ty::Varchar(None), true, None), &config).display,
            "Option<Text>"
        );
        let o = rust_type(
            &column(
                Ty::Numeric {
                    precision: 12,
                    scale: 2,
                },
                true,
                Some("f64"),
            ),
            &config,
        );
        assert_eq!(
            (o.path.as_str(), o.display.as_str()),
            ("::core::option::Option<f64>", "Option<f64>")
        );
    }
}
