//! The run-time side of SQL checked at compile time (feature `typed-sql`): the
//! [`Query`] that `civis::query!` expands to, its [`Column`]s, the [`Decode`] trait its
//! record's fields are read with, the [`Param`] trait its parameters are sent with, and
//! [`TypedSql`], a query on a client with its endings.
//!
//! The macro checks the SQL against pinned table metadata at build time; at run time the
//! export's header is checked against the columns the macro found
//! ([`Error::ResultShape`](crate::Error::ResultShape) when a table has changed since), and
//! each field is decoded into its Rust type:
//!
//! | SQL type | Rust type |
//! |---|---|
//! | `smallint`, `integer`, `bigint` | `i16`, `i32`, `i64` |
//! | `real`, `double precision` | `f32`, `f64` |
//! | `boolean` (`t`/`f`) | `bool` |
//! | `numeric(p,s)` | [`types::Decimal`] (never rounded) |
//! | `date`, `timestamp`, `timestamptz` | [`types::chrono`]'s `NaiveDate`, `NaiveDateTime`, `DateTime<Utc>` |
//! | anything else | `String` |
//!
//! A NULL-able column is an `Option<T>`. An export writes NULL as an empty field, and so the
//! empty string: a text column that is not NULL-able reads an empty field as `""`.

mod column;
mod decode;
#[cfg(any(feature = "arrow", feature = "polars"))]
mod frames;
mod params;
mod query;
mod row;
mod rows;
mod typed_sql;

pub use column::Column;
pub use decode::Decode;
pub use params::{Param, QueryParam, QuotedParam, UnquotedParam};
pub use query::Query;
#[doc(hidden)]
pub use row::Row;
pub use rows::QueryRows;
pub use typed_sql::TypedSql;

/// The crates whose types a typed query's records hold, re-exported so that the macro's
/// expansion and its users name them without depending on them: `chrono` for dates and times,
/// rust_decimal's [`Decimal`](types::Decimal) for `numeric`.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::types::{chrono::NaiveDate, Decimal};
/// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
/// let price = Decimal::new(1250, 2);
/// assert_eq!(price.to_string(), "12.50");
/// ```
pub mod types {
    pub use chrono;
    pub use rust_decimal::Decimal;
}
