//! Output column names: the name Redshift gives a column (as Postgres' `FigureColname` does),
//! sqlx's overrides in an alias (`as "amount: f64"`, `as "id!"`, `as "id?"`), and the check
//! that a name can be a Rust field.

/// What an alias says besides the column's name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct AliasOverride {
    /// The column's name (lower case).
    pub name: String,
    /// `Some(false)` for `!` (not null), `Some(true)` for `?` (nullable).
    pub nullable: Option<bool>,
    /// The Rust type after `:`, as written.
    pub rust_type: Option<String>,
}

/// Splits an alias into its name and sqlx's overrides: `amount: f64`, `id!`, `id?`,
/// `id!: i64`. Redshift folds the ASCII letters of every identifier to lower case, quoted ones too, unless
/// `enable_case_sensitive_identifier` is on, so the name is lower-cased:
/// <https://docs.aws.amazon.com/redshift/latest/dg/r_names.html>
pub(crate) fn parse_alias(alias: &str) -> AliasOverride {
    let (head, rust_type) = match alias.split_once(':') {
        Some((head, ty)) if !ty.trim().is_empty() && !ty.starts_with(':') => {
            (head.trim_end(), Some(ty.trim().to_owned()))
        }
        _ => (alias, None),
    };
    let (name, nullable) = if let Some(name) = head.strip_suffix('!') {
        (name, Some(false))
    } else if let Some(name) = head.strip_suffix('?') {
        (name, Some(true))
    } else {
        (head, None)
    };
    AliasOverride {
        name: name.trim().to_ascii_lowercase(),
        nullable,
        rust_type,
    }
}

/// Whether `name` can be a field of the record `query!` writes (a raw identifier `r#type`
/// serves the keywords that allow one).
pub(crate) fn is_rust_field(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let shaped = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    // `_` alone is no field, and these keywords cannot be raw identifiers.
    shaped && !matches!(name, "_" | "self" | "super" | "crate")
}

/// The name Postgres (and so Redshift) gives a column with no alias that is not a column,
/// a function or one of the named forms: `?column?`.
pub(crate) const NO_NAME: &str = "?column?";

/// The name Postgres gives a cast of an expression with no name of its own: the internal
/// name of the target type (`select 1::int` is `int4`).
pub(crate) fn type_column_name(ty: &crate::rules::Ty) -> String {
    use crate::rules::Ty;
    match ty {
        Ty::SmallInt => "int2".into(),
        Ty::Integer => "int4".into(),
        Ty::BigInt => "int8".into(),
        Ty::Numeric { .. } => "numeric".into(),
        Ty::Real => "float4".into(),
        Ty::Double => "float8".into(),
        Ty::Boolean => "bool".into(),
        Ty::Char(_) => "bpchar".into(),
        Ty::Varchar(_) => "varchar".into(),
        Ty::Date => "date".into(),
        Ty::Time => "time".into(),
        Ty::TimeTz => "timetz".into(),
        Ty::Timestamp => "timestamp".into(),
        Ty::TimestampTz => "timestamptz".into(),
        Ty::Interval => "interval".into(),
        Ty::Null => NO_NAME.into(),
        Ty::Other(name) => name.to_lowercase(),
        #[allow(unreachable_patterns)]
        _ => NO_NAME.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_carry_sqlx_overrides() {
        let o = |n: &str, null: Option<bool>, t: Option<&str>| AliasOverride {
            name: n.into(),
            nullable: null,
            rust_type: t.map(Into::into),
        };
        assert_eq!(parse_alias("Amount"), o("amount", None, None));
        assert_eq!(parse_alias("amount: f64"), o("amount", None, Some("f64")));
        assert_eq!(parse_alias("id!"), o("id", Some(false), None));
        assert_eq!(parse_alias("id?"), o("id", Some(true), None));
        assert_eq!(
            parse_alias("id!: Option<my::Id>"),
            o("id", Some(false), Some("Option<my::Id>"))
        );
        assert_eq!(
            parse_alias("t: ::std::string::String").rust_type.as_deref(),
            Some("::std::string::String")
        );
        assert_eq!(parse_alias("a::b"), o("a::b", None, None));
    }

    #[test]
    fn rust_fields() {
        assert!(is_rust_field("amount_2"));
        assert!(is_rust_field("type"));
        assert!(!is_rust_field("?column?"));
        assert!(!is_rust_field("my col"));
        assert!(!is_rust_field("2x"));
        assert!(!is_rust_field("self"));
        assert!(!is_rust_field(""));
    }
}
