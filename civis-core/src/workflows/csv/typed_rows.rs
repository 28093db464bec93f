//! `rows_as::<T>()`: CSV records deserialized into the caller's types by column name.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use super::options::ReadOptions;
use super::rows::Rows;
use crate::data::error::Error;
use crate::data::sql_types::{parse_bool, SqlType};

/// The rows of a CSV result as `T`s, streamed: what [`SqlBuilder::rows_as`], [`CsvFiles::rows_as`]
/// and [`Rows::deserialize`] return.
///
/// Fields are matched to columns by the header's names (a struct's field names, or serde's
/// `rename`); an empty field is `None` for an `Option` field (an export writes SQL `NULL` and
/// `''` alike). Columns known to be `boolean` (from a table's types or a given type) are read
/// from Redshift's `t`/`f` into `bool`. A field that does not fit is [`Error::Value`] naming the
/// row, the column and the text; the iterator goes on with the next row. An error of the
/// download or the CSV ends it.
///
/// [`SqlBuilder::rows_as`]: crate::sql::SqlBuilder::rows_as
/// [`CsvFiles::rows_as`]: super::CsvFiles::rows_as
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// #[derive(Debug, serde::Deserialize)]
/// struct Sale {
///     id: i64,
///     #[serde(rename = "amount_usd")]
///     amount: f64,
///     note: Option<String>,
/// }
/// let mut total = 0.0;
/// for sale in client.sql("select id, amount_usd, note from sales", 32).rows_as::<Sale>()? {
///     total += sale?.amount;
/// }
/// # Ok(()) }
/// ```
pub struct TypedRows<T> {
    rows: Rows,
    header: csv::StringRecord,
    /// The record being read, its buffers reused from row to row.
    record: csv::StringRecord,
    /// Columns whose `t`/`f` are rewritten as `true`/`false` for serde.
    booleans: Vec<usize>,
    row: u64,
    source: String,
    _type: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for TypedRows<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedRows")
            .field("header", &self.header)
            .field("row", &self.row)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl<T: DeserializeOwned> TypedRows<T> {
    /// `rows` (header first) as `T`s, with the columns' types as `options` and `table` give
    /// them.
    pub(crate) fn new(
        mut rows: Rows,
        options: &ReadOptions,
        table: Option<&[(String, SqlType)]>,
    ) -> Result<Self, Error> {
        let source = format!("file {}", rows.file_id());
        let header = rows.next().transpose()?.unwrap_or_default();
        let names: Vec<String> = header.iter().map(str::to_string).collect();
        let booleans = options
            .resolve(&names, table)
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Some(SqlType::Boolean))
            .map(|(i, _)| i)
            .collect();
        Ok(Self {
            rows,
            header,
            record: csv::StringRecord::new(),
            booleans,
            row: 0,
            source,
            _type: PhantomData,
        })
    }

    /// The column names the fields are matched against.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.sql("select 1 as one", 32).rows_as::<(i64,)>()?;
    /// assert_eq!(rows.columns(), ["one"]);
    /// # Ok(()) }
    /// ```
    pub fn columns(&self) -> Vec<&str> {
        self.header.iter().collect()
    }

    fn value_error(&self, error: &csv::Error, record: &csv::StringRecord) -> Error {
        let csv::ErrorKind::Deserialize { err: error, .. } = error.kind() else {
            return Error::Decode {
                method: "GET".into(),
                path: self.source.clone(),
                detail: format!("row {}: {error}", self.row),
                snippet: String::new(),
            };
        };
        let field = error.field().and_then(|f| usize::try_from(f).ok());
        let column = match field.and_then(|f| self.header.get(f)) {
            Some(name) => name.to_string(),
            None => match field {
                Some(f) => format!("column {}", f + 1),
                None => String::new(),
            },
        };
        let text = field
            .and_then(|f| record.get(f))
            .unwrap_or_default()
            .to_string();
        Error::Value {
            source: self.source.clone(),
            row: self.row,
            column,
            text,
            expected: format!("what the row's type takes: {}", error.kind()),
        }
    }
}

impl<T: DeserializeOwned> Iterator for TypedRows<T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut record = std::mem::take(&mut self.record);
        if let Err(error) = self.rows.read_into(&mut record)? {
            return Some(Err(error));
        }
        self.row += 1;
        let typed = if self.booleans.is_empty() {
            record
                .deserialize(Some(&self.header))
                .map_err(|e| self.value_error(&e, &record))
        } else {
            let rewritten = rewrite_booleans(&record, &self.booleans);
            rewritten
                .deserialize(Some(&self.header))
                .map_err(|e| self.value_error(&e, &rewritten))
        };
        self.record = record;
        Some(typed)
    }
}

/// `record` with Redshift's `t`/`f` in the `columns` spelled as serde reads booleans.
fn rewrite_booleans(record: &csv::StringRecord, columns: &[usize]) -> csv::StringRecord {
    record
        .iter()
        .enumerate()
        .map(|(i, field)| match parse_bool(field) {
            Some(value) if columns.contains(&i) => {
                if value {
                    "true"
                } else {
                    "false"
                }
            }
            _ => field,
        })
        .collect()
}

impl Rows {
    /// Reads the CSV's records as `T`s, the first record being the header that the fields
    /// are matched against by name: see [`TypedRows`]. The
    /// iterator's first item must be the header (as [`SqlBuilder::rows`](crate::sql::SqlBuilder::rows) and
    /// [`Client::read_table`](crate::Client::read_table) give it).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// #[derive(serde::Deserialize)]
    /// struct User { id: i64, name: Option<String> }
    /// for user in client.read_table("public.users", 32)?.deserialize::<User>()? {
    ///     let user = user?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn deserialize<T: serde::de::DeserializeOwned>(self) -> Result<TypedRows<T>, Error> {
        TypedRows::new(self, &Default::default(), None)
    }
}
