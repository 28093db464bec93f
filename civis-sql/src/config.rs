//! `.civis/sql.toml`: a default database, crate-wide Rust types for SQL types, and the return
//! types of user-defined functions.

use std::collections::BTreeMap;

/// The settings of `.civis/sql.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SqlConfig {
    /// The database a query runs in when the macro names none.
    pub default_database: Option<String>,
    /// SQL type name (`numeric`, `timestamptz`, ...) to the Rust type every column of that type
    /// is read into (a path to a type implementing `civis::sql::Decode`).
    #[serde(default)]
    pub types: BTreeMap<String, String>,
    /// User-defined function name to the SQL type it returns.
    #[serde(default)]
    pub functions: BTreeMap<String, String>,
}
