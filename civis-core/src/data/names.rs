//! Names the API's objects are given by: a name or an id, and `schema.table`.

use crate::data::error::Error;

/// A database, credential or storage host given by name or by id.
///
/// Made from `&str`, `String` and the integer types, so helpers take either:
/// `client.get_database_id("redshift-general")`, `client.get_database_id(32)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NameOrId {
    /// A name to look up.
    Name(String),
    /// An id, used as it is.
    Id(i128),
}

impl From<&str> for NameOrId {
    fn from(name: &str) -> Self {
        Self::Name(name.to_string())
    }
}

impl From<String> for NameOrId {
    fn from(name: String) -> Self {
        Self::Name(name)
    }
}

impl From<&String> for NameOrId {
    fn from(name: &String) -> Self {
        Self::Name(name.clone())
    }
}

macro_rules! ids_from_integers {
    ($($int:ty),*) => {$(
        impl From<$int> for NameOrId {
            fn from(id: $int) -> Self {
                // i128 holds every integer type losslessly except u128, whose ids beyond
                // i64 are rejected on use anyway.
                Self::Id(i128::try_from(id).unwrap_or(i128::MAX))
            }
        }
    )*};
}

ids_from_integers!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl NameOrId {
    /// The id, when this is one within the API's range.
    pub(crate) fn id(&self) -> Option<Result<i64, Error>> {
        match self {
            Self::Id(id) => Some(
                i64::try_from(*id)
                    .map_err(|_| Error::Usage(format!("{id} is not a valid Civis id"))),
            ),
            Self::Name(_) => None,
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Name(name) => name.clone(),
            Self::Id(id) => id.to_string(),
        }
    }
}

/// civis-python's `split_schema_tablename`: `schema.table` read as one CSV record with `.` as
/// the delimiter and `"` as the quote (`""` inside quotes is a literal quote).
pub fn split_schema_tablename(table: &str) -> Result<(Option<String>, String), Error> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    let mut chars = table.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(part) = parts.last_mut() {
                    part.push('"');
                }
            }
            '"' if quoted => quoted = false,
            '"' if at_field_start => quoted = true,
            '.' if !quoted => {
                parts.push(String::new());
                at_field_start = true;
                continue;
            }
            other => {
                if let Some(part) = parts.last_mut() {
                    part.push(other);
                }
            }
        }
        at_field_start = false;
    }
    match parts.len() {
        1 => Ok((None, parts.remove(0))),
        2 => {
            let name = parts.remove(1);
            Ok((Some(parts.remove(0)), name))
        }
        _ => Err(Error::Usage(format!(
            "Cannot parse schema and table. Does '{table}' follow the pattern 'schema.table'?"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_and_table_split_like_the_csv_reader() {
        let split = |t: &str| split_schema_tablename(t).unwrap();
        assert_eq!(split("foo.bar"), (Some("foo".into()), "bar".into()));
        assert_eq!(split("bar"), (None, "bar".into()));
        assert_eq!(
            split("\"schema.has.periods\".bar"),
            (Some("schema.has.periods".into()), "bar".into())
        );
        assert_eq!(
            split("foo.\"tab.le\""),
            (Some("foo".into()), "tab.le".into())
        );
        assert_eq!(split("\"a\"\"b\".c"), (Some("a\"b".into()), "c".into()));
        assert!(split_schema_tablename("a.b.c").is_err());
    }

    #[test]
    fn ids_come_from_every_integer_type() {
        assert_eq!(NameOrId::from(32u8), NameOrId::Id(32));
        assert_eq!(NameOrId::from(-1i64).id().unwrap().unwrap(), -1);
        assert!(NameOrId::from(u64::MAX).id().unwrap().is_err());
        assert_eq!(NameOrId::from("x"), NameOrId::Name("x".into()));
    }
}
