//! A column of a typed query's result, as the compile-time analysis found it.

use crate::data::sql_types::SqlType;

/// One column of a [`Query`](super::Query)'s result, as `civis::query!` found it in the pinned
/// tables at compile time: its name, its SQL type and whether it may be NULL. Tools, tests and
/// users read them with [`Query::columns`](super::Query::columns); the Arrow schema and the
/// DataFrame's types of a [`TypedSql`](super::TypedSql) are exactly these.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::{Column, SqlType};
/// const ID: Column = Column::new("id", SqlType::BigInt, false);
/// assert_eq!(ID.name, "id");
/// assert!(!ID.nullable);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Column {
    /// The column's name: the record's field, Redshift's lower-case name or the alias
    /// (without a type override such as `: f64`, `!` or `?`).
    pub name: &'static str,
    /// Its SQL type, which the field's Rust type is decoded from (a numeric's precision and
    /// scale bound a `Decimal`).
    pub sql_type: SqlType,
    /// Whether it may be NULL: `false` only for a column its table declares `NOT NULL` (not on
    /// the outer side of a join), a count or a literal, or an alias marked `!`.
    pub nullable: bool,
}

impl Column {
    /// The column `name` of SQL type `sql_type`, NULL-able or not: what the macro writes, in a
    /// `const` array.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use civis::sql::{Column, SqlType};
    /// static COLUMNS: [Column; 2] = [
    ///     Column::new("id", SqlType::BigInt, false),
    ///     Column::new("amount", SqlType::Numeric { precision: 12, scale: 2 }, true),
    /// ];
    /// assert_eq!(COLUMNS[1].sql_type.to_string(), "a numeric(12,2)");
    /// ```
    pub const fn new(name: &'static str, sql_type: SqlType, nullable: bool) -> Self {
        Self {
            name,
            sql_type,
            nullable,
        }
    }
}
