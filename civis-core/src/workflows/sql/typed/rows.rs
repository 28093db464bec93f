//! [`QueryRows`]: the records of a typed query's export, decoded as they stream.

use std::fmt;

use super::column::Column;
use super::row::{DecodeRow, Fields, Row};
use crate::data::error::Error;
use crate::workflows::csv::{Rows, Shape};

/// The records of a typed query, streamed: what [`TypedSql::rows`](super::TypedSql::rows)
/// returns. Each item is a record or the error of its row: a value that does not fit is
/// [`Error::Value`](crate::Error::Value) naming the row, the column and the text, and the
/// records go on; an error of the download or the CSV ends them. Memory holds one row and the
/// download's buffers.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let q: civis::sql::Query<i64> = civis::sql::Query::__new(32, "select id from t", &[], &[], |row| row.get(0));
/// # let client = civis::Client::new()?;
/// let rows = q.on(&client).rows()?;
/// println!("reading file {}", rows.file_id());
/// for id in rows {
///     let id = id?;
/// }
/// # Ok(()) }
/// ```
pub struct QueryRows<R> {
    rows: Rows,
    /// The record being read, its buffers reused from row to row.
    record: csv::StringRecord,
    columns: &'static [Column],
    decode: DecodeRow<R>,
    /// Data rows read so far.
    row: u64,
    source: String,
}

impl<R> fmt::Debug for QueryRows<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QueryRows")
            .field("source", &self.source)
            .field("row", &self.row)
            .finish_non_exhaustive()
    }
}

impl<R> QueryRows<R> {
    /// The records of `rows` (header first), whose header must name `shape`'s columns.
    pub(super) fn new(
        mut rows: Rows,
        columns: &'static [Column],
        shape: &Shape,
        decode: DecodeRow<R>,
    ) -> Result<Self, Error> {
        let source = format!("file {}", rows.file_id());
        let header = rows.next().transpose()?.unwrap_or_default();
        let names: Vec<String> = header.iter().map(str::to_string).collect();
        shape.check(&names)?;
        Ok(Self {
            rows,
            record: csv::StringRecord::new(),
            columns,
            decode,
            row: 0,
            source,
        })
    }

    /// The id of the Civis file the records come from (the export).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let rows = q.on(&client).rows()?;
    /// println!("file {}", rows.file_id());
    /// # Ok(()) }
    /// ```
    pub fn file_id(&self) -> i64 {
        self.rows.file_id()
    }

    /// The error of `one()` or `optional()` finding `found` rows where `expected`.
    pub(super) fn count_error(&self, expected: &str, found: u64) -> Error {
        Error::RowCount {
            expected: expected.to_string(),
            found,
            source: self.source.clone(),
        }
    }
}

impl<R> Iterator for QueryRows<R> {
    type Item = Result<R, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut record = std::mem::take(&mut self.record);
        if let Err(error) = self.rows.read_into(&mut record)? {
            return Some(Err(error));
        }
        self.row += 1;
        let row = Row::new(
            Fields::Export(&record),
            self.columns,
            self.row,
            &self.source,
        );
        let decoded = (self.decode)(&row);
        self.record = record;
        Some(decoded)
    }
}
