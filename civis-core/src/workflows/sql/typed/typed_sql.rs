//! [`TypedSql`]: a typed query on a client, its export's settings and its endings.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use super::column::Column;
use super::row::{DecodeRow, Fields, Row};
use super::rows::QueryRows;
use crate::data::error::Error;
use crate::transport::polling::Polling;
use crate::workflows::csv::Shape;
use crate::workflows::runs::Started;
use crate::workflows::sql::{Compression, SqlBuilder};

/// `csv_settings` fields that change the CSV's form, which the records are decoded from: a
/// typed query keeps the export as its endings read it.
const FIXED_CSV_SETTINGS: [&str; 5] = [
    "include_header",
    "column_delimiter",
    "unquoted",
    "compression",
    "force_multifile",
];

/// A typed [`Query`](super::Query) on a client, being prepared: [`Query::on`](super::Query::on).
/// It keeps the [`SqlBuilder`] settings that leave the export's CSV as the records are read
/// from it (credential, hidden, polling, job name, encoding, ...) and ends in
/// [`rows`](Self::rows) (streamed records), [`all`](Self::all), [`one`](Self::one),
/// [`optional`](Self::optional), [`preview`](Self::preview), [`to_csv`](Self::to_csv), and with
/// their features `arrow()` and `dataframe()`, whose schema is the query's
/// [`columns`](super::Query::columns).
///
/// Left out on purpose: `header`, `delimiter` and `unquoted` (the records are decoded from a
/// quoted, comma-separated export with its header, which is checked against the columns),
/// `column_type` and `all_text` (the types are the query's), `param` and
/// `sql_params_arguments` (the parameters are the macro's, checked against the SQL), and
/// `max_file_size` (for `unload`, which a typed query has not).
///
/// Before a value is read, the result's column names must be the query's, else
/// [`Error::ResultShape`](crate::Error::ResultShape) names the pinned tables and the command
/// that refreshes them.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
/// # let client = civis::Client::new()?;
/// let records = q
///     .on(&client)
///     .credential(1234)
///     .job_name("orders for the dashboard")
///     .all()?;
/// # Ok(()) }
/// ```
#[must_use = "a typed query does nothing until it is ended by rows, all, one, optional, preview or to_csv"]
pub struct TypedSql<'c, R> {
    builder: SqlBuilder<'c>,
    columns: &'static [Column],
    shape: Arc<Shape>,
    decode: DecodeRow<R>,
}

impl<R> fmt::Debug for TypedSql<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedSql")
            .field("builder", &self.builder)
            .field("columns", &self.columns)
            .finish_non_exhaustive()
    }
}

impl<'c, R> TypedSql<'c, R> {
    pub(super) fn new(
        mut builder: SqlBuilder<'c>,
        columns: &'static [Column],
        pins: &'static [&'static str],
        decode: DecodeRow<R>,
    ) -> Self {
        let shape = Arc::new(Shape {
            names: columns.iter().map(|c| c.name.to_string()).collect(),
            types: columns.iter().map(|c| c.sql_type).collect(),
            nullable: columns.iter().map(|c| c.nullable).collect(),
            tables: pins.join("; "),
        });
        // The shape types every column; "all text" only keeps the export from looking up a
        // plain select's table for types it would not use.
        builder.read.all_text();
        builder.read.shape = Some(shape.clone());
        Self {
            builder,
            columns,
            shape,
            decode,
        }
    }

    fn map(mut self, change: impl FnOnce(SqlBuilder<'c>) -> SqlBuilder<'c>) -> Self {
        self.builder = change(self.builder);
        self
    }

    /// The database credential to run as: [`SqlBuilder::credential`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let all = q.on(&client).credential(1234).all()?;
    /// # Ok(()) }
    /// ```
    pub fn credential(self, credential_id: i64) -> Self {
        self.map(|b| b.credential(credential_id))
    }

    /// Whether the export script is hidden from the user's lists: [`SqlBuilder::hidden`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let all = q.on(&client).hidden(false).all()?;
    /// # Ok(()) }
    /// ```
    pub fn hidden(self, hidden: bool) -> Self {
        self.map(|b| b.hidden(hidden))
    }

    /// How the export's run is polled: [`SqlBuilder::polling`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// let all = q.on(&client).polling(civis::runs::Polling::every(Duration::from_secs(5))).all()?;
    /// # Ok(()) }
    /// ```
    pub fn polling(self, polling: Polling) -> Self {
        self.map(|b| b.polling(polling))
    }

    /// The name of the export's SQL script in Civis: [`SqlBuilder::job_name`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let all = q.on(&client).job_name("nightly orders").all()?;
    /// # Ok(()) }
    /// ```
    pub fn job_name(self, name: impl Into<String>) -> Self {
        self.map(|b| b.job_name(name))
    }

    /// The text encoding of the export, decoded into UTF-8 as it streams:
    /// [`SqlBuilder::encoding`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let all = q.on(&client).encoding("latin-1").all()?;
    /// # Ok(()) }
    /// ```
    pub fn encoding(self, label: &str) -> Self {
        self.map(|b| b.encoding(label))
    }

    /// The prefix of the export's file name: [`SqlBuilder::filename_prefix`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let all = q.on(&client).filename_prefix("orders_").all()?;
    /// # Ok(()) }
    /// ```
    pub fn filename_prefix(self, prefix: impl Into<String>) -> Self {
        self.map(|b| b.filename_prefix(prefix))
    }

    /// How [`to_csv`](Self::to_csv) compresses the file it writes: [`SqlBuilder::compression`].
    /// The records are read from the export whatever this says.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// q.on(&client).compression(civis::sql::Compression::Gzip).to_csv("orders.csv.gz")?;
    /// # Ok(()) }
    /// ```
    pub fn compression(self, compression: Compression) -> Self {
        self.map(|b| b.compression(compression))
    }

    /// Any other field of the export's `csv_settings`: [`SqlBuilder::csv_setting`]. The fields
    /// that change the CSV's form (`include_header`, `column_delimiter`, `unquoted`,
    /// `compression`, `force_multifile`) would leave records that cannot be decoded, and are a
    /// usage error when the query ends.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let all = q.on(&client).csv_setting("some_new_setting", true).all()?;
    /// # Ok(()) }
    /// ```
    pub fn csv_setting(mut self, name: &str, value: impl Into<Value>) -> Self {
        if FIXED_CSV_SETTINGS.contains(&name) {
            self.builder.refused = Some(format!(
                "csv_settings.{name} changes the CSV that a typed query's records are read from, so a typed query leaves it as it is: use client.sql(..) for a CSV of another form"
            ));
            return self;
        }
        self.map(|b| b.csv_setting(name, value))
    }

    /// The most bytes one record of the result may hold: [`SqlBuilder::max_record_size`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let all = q.on(&client).max_record_size(64 << 20).all()?;
    /// # Ok(()) }
    /// ```
    pub fn max_record_size(self, bytes: usize) -> Self {
        self.map(|b| b.max_record_size(bytes))
    }

    /// Rows per Arrow record batch of `arrow()`: [`SqlBuilder::batch_size`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let typed = q.on(&client).batch_size(8192);
    /// # Ok(()) }
    /// ```
    pub fn batch_size(self, rows: usize) -> Self {
        self.map(|b| b.batch_size(rows))
    }

    /// The settings as a [`SqlBuilder`], for the typed endings of the frames.
    #[cfg(any(feature = "arrow", feature = "polars"))]
    pub(super) fn builder(self) -> SqlBuilder<'c> {
        self.builder
    }
}

impl<R: 'static> TypedSql<'_, R> {
    /// Exports the result and streams it back as records, one `Result<R>` a row, as it
    /// downloads ([`SqlBuilder::rows`]): memory holds one row whatever the result's size. The
    /// header is checked against the query's columns first. A value that does not fit its
    /// field is [`Error::Value`](crate::Error::Value) and the records go on; a failed download
    /// or a corrupt export ends them with its error.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # struct Order { id: i64 }
    /// # let q: civis::sql::Query<Order> = civis::sql::Query::__new(32, "select 1 as id", &[], &[], |row| Ok(Order { id: row.get(0)? }));
    /// # let client = civis::Client::new()?;
    /// let mut total = 0;
    /// for order in q.on(&client).rows()? {
    ///     total += order?.id;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn rows(self) -> Result<QueryRows<R>, Error> {
        self.start_rows()?.wait()
    }

    /// [`rows`](Self::rows), started without waiting: the export's run at once, the records
    /// from [`Started::wait`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let export = q.on(&client).start_rows()?;
    /// println!("export run {}", export.run().run_id());
    /// let records = export.wait()?.collect::<Result<Vec<_>, _>>()?;
    /// # Ok(()) }
    /// ```
    pub fn start_rows(self) -> Result<Started<QueryRows<R>>, Error> {
        let (columns, shape, decode) = (self.columns, self.shape, self.decode);
        let started = self.builder.start_rows()?;
        Ok(started.then(move |rows| QueryRows::new(rows, columns, &shape, decode)))
    }

    /// Every record, in a `Vec`: [`rows`](Self::rows), collected; the first error is
    /// returned.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let records = q.on(&client).all()?;
    /// println!("{} rows", records.len());
    /// # Ok(()) }
    /// ```
    pub fn all(self) -> Result<Vec<R>, Error> {
        self.rows()?.collect()
    }

    /// The one record of a result that must have exactly one row; none, or more than one, is
    /// [`Error::RowCount`](crate::Error::RowCount) (the export is read no further than the
    /// second row).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<i64> = civis::sql::Query::__new(32, "select count(*) as n from t", &[], &[], |row| row.get(0));
    /// # let client = civis::Client::new()?;
    /// let n: i64 = q.on(&client).one()?;
    /// # Ok(()) }
    /// ```
    pub fn one(self) -> Result<R, Error> {
        let mut rows = self.rows()?;
        match rows.next() {
            None => Err(rows.count_error("exactly one row", 0)),
            Some(first) => match rows.next() {
                None => first,
                Some(Err(error)) => Err(error),
                Some(Ok(_)) => Err(rows.count_error("exactly one row", 2)),
            },
        }
    }

    /// The record of a result that has at most one row, or `None` when it has none; more than
    /// one is [`Error::RowCount`](crate::Error::RowCount).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// if let Some(user) = q.on(&client).optional()? {
    ///     // ...
    /// }
    /// # Ok(()) }
    /// ```
    pub fn optional(self) -> Result<Option<R>, Error> {
        let mut rows = self.rows()?;
        match rows.next() {
            None => Ok(None),
            Some(first) => match rows.next() {
                None => first.map(Some),
                Some(Err(error)) => Err(error),
                Some(Ok(_)) => Err(rows.count_error("at most one row", 2)),
            },
        }
    }

    /// The first `n` records, from a query that keeps them for preview (`POST /queries`,
    /// [`SqlBuilder::preview`]; at most 1000): no export. A query takes no parameters, so a
    /// typed query with parameters is a usage error here. A preview tells NULL from `''`: an
    /// empty text is `Some("")` in an `Option<String>` field, where an export's is `None`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let first = q.on(&client).preview(10)?;
    /// # Ok(()) }
    /// ```
    pub fn preview(self, n: u32) -> Result<Vec<R>, Error> {
        let result = self.builder.preview(n)?;
        self.shape.check(&result.columns)?;
        let source = format!("query {}", result.query_id);
        let mut records = Vec::with_capacity(result.rows.len());
        for (i, values) in result.rows.iter().enumerate() {
            let row = Row::new(Fields::Preview(values), self.columns, i as u64 + 1, &source);
            records.push((self.decode)(&row)?);
        }
        Ok(records)
    }
}

impl<R> TypedSql<'_, R> {
    /// Exports the result and writes it to `path` as CSV, with the chosen
    /// [`compression`](Self::compression); returns the bytes written: [`SqlBuilder::to_csv`].
    /// The file holds the export as it is; nothing is decoded or checked.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// q.on(&client).to_csv("orders.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn to_csv(self, path: impl AsRef<Path>) -> Result<u64, Error> {
        self.builder.to_csv(path)
    }

    /// [`to_csv`](Self::to_csv), started without waiting: [`SqlBuilder::start_to_csv`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let bytes = q.on(&client).start_to_csv("orders.csv")?.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn start_to_csv(self, path: impl AsRef<Path>) -> Result<Started<u64>, Error> {
        self.builder.start_to_csv(path)
    }
}
