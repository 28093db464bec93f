//! Typed results: CSV in Civis (an export, a multifile unload, any CSV file) read as rows of
//! the caller's own types ([`TypedRows`]), as Arrow record batches (feature `arrow`) or as a
//! polars `DataFrame` (feature `polars`); and frames written back into tables
//! (`import_batches`, `import_dataframe`).
//!
//! ```no_run
//! # extern crate civis_core as civis;
//! # fn main() -> Result<(), civis::Error> {
//! #[derive(serde::Deserialize)]
//! struct Order {
//!     id: i64,
//!     #[serde(rename = "total_usd")]
//!     total: Option<f64>,
//! }
//! let client = civis::Client::new()?;
//! for order in client.sql("select id, total_usd from sales.orders", "redshift-general").rows_as::<Order>()? {
//!     let order = order?;
//! }
//! # Ok(()) }
//! ```
//!
//! **Where the types come from**, column by column, first match wins:
//! 1. a type the caller gives ([`column_type`](CsvFiles::column_type), or
//!    [`all_text`](CsvFiles::all_text));
//! 2. for a table (`select_table`, `read_table`, or SQL that is a plain `select` of listed
//!    columns or `*` from one table), the column's type in the API (`GET /tables/{id}`), mapped
//!    as [`SqlType`](crate::tables::SqlType)'s table says;
//! 3. otherwise inferred from the leading rows ([`INFER_ROWS`]), as polars infers: integers,
//!    then floating point, then `true`/`false`, else text.
//!
//! Empty fields are nulls. **An export cannot tell SQL `NULL` from `''`** in a text column:
//! Redshift writes both as an empty field, so both read as null
//! ([`SqlBuilder::preview`](crate::sql::SqlBuilder::preview) tells them apart). A value that does
//! not parse as its column's type is [`Error::Value`](crate::Error::Value), naming the row, the
//! column and the text; it never becomes a silent null.

#[cfg(feature = "arrow")]
mod arrow;
#[cfg(feature = "parquet")]
mod parquet;
#[cfg(feature = "polars")]
mod polars;

#[cfg(feature = "arrow")]
pub use self::arrow::{arrow_type, sql_type_of, RecordBatches};
#[cfg(feature = "parquet")]
pub use self::parquet::{
    ParquetCompression, ParquetWritten, PARQUET_ROW_GROUP_BYTES, PARQUET_ROW_GROUP_ROWS,
};
#[cfg(feature = "polars")]
pub use self::polars::{polars_type, sql_type_of_polars};
pub use crate::workflows::csv::{
    plain_select_table, CsvFiles, TypedRows, DEFAULT_BATCH_SIZE, DEFAULT_MAX_RECORD_BYTES,
    INFER_ROWS,
};
pub use crate::workflows::tables::IMPORT_CHUNK_BYTES;
