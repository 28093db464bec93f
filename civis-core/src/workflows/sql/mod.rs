//! SQL results out of Civis: civis-python's `query_civis`, `read_civis_sql`, `read_civis`,
//! `civis_to_csv`, `export_to_civis_file` and `civis_to_multifile_csv`, as
//! [`Client::sql`](crate::Client::sql) (a [`SqlBuilder`]) and
//! [`Client::read_table`](crate::Client::read_table).
//!
//! ```no_run
//! # extern crate civis_core as civis;
//! # fn main() -> Result<(), civis::Error> {
//! let client = civis::Client::new()?;
//! for record in client.sql("select id, name from users", "redshift-general").rows()? {
//!     let record = record?; // the header first, then one record per row
//!     println!("{}", record.iter().collect::<Vec<_>>().join(" | "));
//! }
//! # Ok(()) }
//! ```
//!
//! An export is a SQL script (`POST /scripts/sql` with `csv_settings`) and a run of it, waited
//! on with [`Run`](crate::runs::Run); its result is a Civis file, downloaded with
//! [`Client::download_file`](crate::Client::download_file) (which resumes after a dropped
//! connection).
//!
//! Where this differs from civis-python on purpose:
//! - [`SqlBuilder::rows`] streams: the export is decompressed and parsed as it downloads, one
//!   record at a time, so memory does not grow with the result (`read_civis_sql` reads the
//!   whole export into memory, then into a list or a dataframe);
//! - records are strings as the CSV holds them (SQL `NULL` and the empty string both read as
//!   `""`, as in the export itself); no types are guessed;
//! - [`Compression::Gzip`] writes a gzip file whether or not the header is on (civis-python
//!   then silently writes plain CSV), and a failure while writing is returned, never swallowed.

mod database;
mod export;
mod preview;
#[cfg(feature = "read-only")]
mod read_only;
mod results;
mod script;
#[cfg(feature = "typed-sql")]
mod typed;
mod unload;

use std::fmt;

use serde_json::{json, Map, Value};

use crate::data::error::Error;
use crate::data::names::NameOrId;
#[cfg(not(feature = "typed-sql"))]
use crate::data::sql_types::SqlType;
use crate::transport::client::Client;
use crate::transport::polling::Polling;
use crate::workflows::csv::{delimiter_name, CsvFiles, ReadOptions, TypedRows};

/// The SQL types of columns ([`Column::sql_type`]), as [`tables`](crate::tables) has them.
#[cfg(feature = "typed-sql")]
pub use crate::data::sql_types::SqlType;
pub use crate::workflows::csv::{
    Compression, ManifestEntry, Rows, UnloadManifest, MANIFEST_FILE_NAME, UNLOAD_DOWNLOADS_AT_ONCE,
};
/// The record type of [`Rows`], re-exported so that scripts need not depend on `csv`
/// themselves.
pub use csv::StringRecord;
pub use database::Database;
pub use export::ExportOutput;
pub use preview::{QueryResult, MAX_PREVIEW_ROWS};
#[cfg(feature = "typed-sql")]
#[doc(hidden)]
pub use typed::Row;
#[cfg(feature = "typed-sql")]
pub use typed::{
    types, Column, Decode, Param, Query, QueryParam, QueryRows, QuotedParam, TypedSql,
    UnquotedParam,
};

/// Redshift's text forms of values, read back: what typed results parse CSV fields with, for
/// scripts that read [`Rows`] themselves. The dates and times are read by [`crate::time`],
/// where these readers live beside the calendar arithmetic and printing.
pub mod values {
    pub use crate::data::sql_types::{
        parse_bool, parse_date, parse_decimal, parse_double, parse_real, parse_timestamp,
        parse_timestamptz,
    };
}

/// A SQL statement to run on a database, being prepared: [`Client::sql`]. It ends in
/// [`preview`](Self::preview) (a query, its first rows), [`rows`](Self::rows) (every row,
/// streamed), [`to_csv`](Self::to_csv) / [`to_writer`](Self::to_writer) (the export, locally),
/// [`to_civis_file`](Self::to_civis_file) (the export, left in Civis) or
/// [`unload`](Self::unload) (a multifile export's manifest).
///
/// Defaults: delimiter `,`, header on, no compression, quoted fields, hidden, the user's
/// default database credential, the client's polling, UTF-8, no SQL parameters.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// client
///     .sql("select * from sales.orders", "redshift-general")
///     .delimiter('|')
///     .header(false)
///     .compression(civis::sql::Compression::Gzip)
///     .to_csv("orders.csv.gz")?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
#[must_use = "a SQL statement does nothing until it is ended by preview, rows, to_csv, to_writer, to_civis_file or unload"]
pub struct SqlBuilder<'c> {
    client: &'c Client,
    sql: String,
    database: Database,
    /// The saved SQL script whose SQL runs instead of `sql`: [`Client::sql_script`].
    script: Option<SavedScript>,
    delimiter: char,
    header: bool,
    compression: Compression,
    hidden: bool,
    credential: Option<i64>,
    polling: Option<Polling>,
    /// `pub(crate)` for the setters of the frames' endings (`parquet_compression`).
    pub(crate) read: ReadOptions,
    job_name: Option<String>,
    unquoted: bool,
    filename_prefix: Option<String>,
    max_file_size: Option<u64>,
    /// `params` and `arguments` of the export script, as civis-python's
    /// `sql_params_arguments` (checked when the statement ends).
    params_arguments: Map<String, Value>,
    /// Further `csv_settings` fields, sent as given, over this builder's.
    csv_settings: Map<String, Value>,
    /// Why the statement cannot run, said when it ends (a builder method cannot fail).
    refused: Option<String>,
    /// The table a `select_table` reads, looked up before the export starts.
    table: Option<String>,
    /// Whether only a single read may run (`read_only()`), checked before any request.
    #[cfg(feature = "read-only")]
    read_only: bool,
}

/// A saved SQL script ([`Client::sql_script`]) and the values of its parameters this run
/// overrides.
#[derive(Debug, Clone)]
struct SavedScript {
    id: i64,
    args: Map<String, Value>,
}

impl fmt::Debug for SqlBuilder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SqlBuilder")
            .field("sql", &self.sql)
            .field("database", &self.database)
            .field("script", &self.script)
            .field("delimiter", &self.delimiter)
            .field("header", &self.header)
            .field("compression", &self.compression)
            .field("hidden", &self.hidden)
            .field("credential", &self.credential)
            .field("job_name", &self.job_name)
            .field("params_arguments", &self.params_arguments)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// The SQL statement `sql`, to run on `database` (a name, looked up with
    /// [`get_database_id`](Client::get_database_id), an id, or `None` for the client's
    /// [`default_database`](Client::default_database)). See [`SqlBuilder`] for how it ends.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let preview = client.sql("select 1 as one", "redshift-general").preview(10)?;
    /// let rows = client.sql("select * from t", 32).rows()?;
    /// let on_the_default = client.sql("select * from t", None).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn sql(&self, sql: impl Into<String>, database: impl Into<Database>) -> SqlBuilder<'_> {
        SqlBuilder {
            client: self,
            sql: sql.into(),
            database: database.into(),
            script: None,
            delimiter: ',',
            header: true,
            compression: Compression::None,
            hidden: true,
            credential: None,
            polling: None,
            read: ReadOptions::default(),
            job_name: None,
            unquoted: false,
            filename_prefix: None,
            max_file_size: None,
            params_arguments: Map::new(),
            csv_settings: Map::new(),
            refused: None,
            table: None,
            #[cfg(feature = "read-only")]
            read_only: false,
        }
    }

    /// The SQL `select {columns} from {table}` on `database`: civis-python's `read_civis` with
    /// `columns=[..]`, whose items are joined with `, ` as given (so each may be a quoted name
    /// or an expression, `"ROW_NUMBER() OVER (ORDER BY day) AS n"`). A table name that does
    /// not parse, or no columns, is a usage error when the statement ends.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for record in client.select_columns("public.users", ["id", "\"Full Name\""], 32).rows()? {
    ///     let record = record?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn select_columns<S: AsRef<str>>(
        &self,
        table: &str,
        columns: impl IntoIterator<Item = S>,
        database: impl Into<Database>,
    ) -> SqlBuilder<'_> {
        let columns: Vec<String> = columns
            .into_iter()
            .map(|c| c.as_ref().to_string())
            .collect();
        let mut builder = self.sql(
            format!("select {} from {table}", columns.join(", ")),
            database,
        );
        if columns.is_empty() {
            builder.refused = Some(
                "select_columns needs at least one column (use select_table for every column)"
                    .into(),
            );
        } else if let Err(error) = crate::data::names::split_schema_tablename(table) {
            builder.refused = Some(error.to_string());
        }
        builder
    }

    /// The SQL `select * from {table}` on `database`, whose typed results
    /// ([`rows_as`](SqlBuilder::rows_as), Arrow batches, DataFrames) take their types from the
    /// table's columns: civis-python's `read_civis` with `return_as`. A name that does not
    /// parse as `"schema.table"` is an error when the statement ends.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// #[derive(serde::Deserialize)]
    /// struct User { id: i64, active: bool }
    /// let users: Vec<User> = client.select_table("public.users", 32).rows_as()?.collect::<Result<_, _>>()?;
    /// # Ok(()) }
    /// ```
    pub fn select_table(&self, table: &str, database: impl Into<Database>) -> SqlBuilder<'_> {
        let mut builder = self.sql(format!("select * from {table}"), database);
        match crate::data::names::split_schema_tablename(table) {
            Ok(_) => builder.table = Some(table.to_string()),
            Err(error) => builder.refused = Some(error.to_string()),
        }
        builder
    }

    /// Every row of the table `table` (`"schema.table"`; either part may be double-quoted, as
    /// [`get_table_id`](Client::get_table_id) reads it), streamed: civis-python's
    /// `read_civis`, which runs `select * from {table}` (as this does) and reads the export.
    /// The header record comes first. See [`SqlBuilder::rows`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let mut rows = client.read_table("\"my schema\".users", "redshift-general")?;
    /// let header = rows.next().transpose()?;
    /// for record in rows {
    ///     let record = record?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn read_table(&self, table: &str, database: impl Into<Database>) -> Result<Rows, Error> {
        // A name that does not parse is an error here, not a SQL error after a run.
        crate::data::names::split_schema_tablename(table)?;
        self.select_table(table, database).rows()
    }
}

impl SqlBuilder<'_> {
    /// The column delimiter of the CSV: `,` (the default), `'\t'` or `|`; any other is an
    /// error when the export starts.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.sql("select * from t", 32).delimiter('\t').to_csv("t.tsv")?;
    /// # Ok(()) }
    /// ```
    pub fn delimiter(mut self, delimiter: char) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// Whether the CSV starts with a header record of the column names (default: yes).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.sql("select * from t", 32).header(false).to_csv("t.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn header(mut self, header: bool) -> Self {
        self.header = header;
        self
    }

    /// How the CSV is compressed (default: not at all). [`rows`](Self::rows) reads any.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.sql("select * from t", 32).compression(civis::sql::Compression::Zip).to_csv("t.zip")?;
    /// # Ok(()) }
    /// ```
    pub fn compression(mut self, compression: Compression) -> Self {
        self.compression = compression;
        self
    }

    /// Whether the query or export script is hidden from the user's Civis lists (default:
    /// yes, as in civis-python).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.sql("select * from t", 32).hidden(false).to_civis_file()?;
    /// # Ok(()) }
    /// ```
    pub fn hidden(mut self, hidden: bool) -> Self {
        self.hidden = hidden;
        self
    }

    /// The database credential to run as (default: the user's default database credential,
    /// [`Client::default_database_credential_id`]).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.sql("select 1", 32).credential(1234).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn credential(mut self, credential_id: i64) -> Self {
        self.credential = Some(credential_id);
        self
    }

    /// How the query's or export's run is polled (default: the client's).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// let rows = client
    ///     .sql("select 1", 32)
    ///     .polling(civis::runs::Polling::every(Duration::from_secs(5)))
    ///     .rows()?;
    /// # Ok(()) }
    /// ```
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = Some(polling);
        self
    }

    /// The name of the export's SQL script in Civis (civis-python's `job_name`; default a
    /// unique `civis-rs SQL export ...`, where civis-python picks a random UUID). A preview's
    /// query has no name.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.sql("select * from t", 32).job_name("nightly t export").to_csv("t.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn job_name(mut self, name: impl Into<String>) -> Self {
        self.job_name = Some(name.into());
        self
    }

    /// Whether the export leaves its fields unquoted (`csv_settings.unquoted`; default: no,
    /// every field that needs quotes has them). Unquoted fields holding the delimiter or a line
    /// break cannot be read back as they were.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.sql("select id, code from t", 32).unquoted(true).to_csv("t.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn unquoted(mut self, unquoted: bool) -> Self {
        self.unquoted = unquoted;
        self
    }

    /// The prefix of the export's file names (`csv_settings.filename_prefix`; civis-python's
    /// `prefix` of `civis_to_multifile_csv`). Default: the platform's names.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let manifest = client.sql("select * from big", 32).filename_prefix("big_").unload()?;
    /// # Ok(()) }
    /// ```
    pub fn filename_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.filename_prefix = Some(prefix.into());
        self
    }

    /// The largest file of a multifile export ([`unload`](Self::unload)), in MB
    /// (`csv_settings.max_file_size`; civis-python's `max_file_size`). Other endings export
    /// one file and do not send it.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let manifest = client.sql("select * from big", 32).max_file_size(512).unload()?;
    /// # Ok(()) }
    /// ```
    pub fn max_file_size(mut self, megabytes: u64) -> Self {
        self.max_file_size = Some(megabytes);
        self
    }

    /// Any other field of the export's `csv_settings`, by the API's snake_case name, sent as
    /// given and over what this builder would send (civis-python's `csv_settings` of
    /// `export_to_civis_file`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.sql("select 1", 32).csv_setting("force_multifile", true).to_civis_file()?;
    /// # Ok(()) }
    /// ```
    pub fn csv_setting(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.csv_settings.insert(name.to_string(), value.into());
        self
    }

    /// A parameter of the SQL, written `{{name}}` in it, with its type (`string`, `integer`,
    /// `float`, `bool`, ...) and the value of this run: one entry of the script's `params` and
    /// one of its `arguments`, as civis-python's `sql_params_arguments` holds them. Every export
    /// ending sends them; [`preview`](Self::preview) refuses them, as queries take none.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client
    ///     .sql("select * from sales where region = '{{region}}' and year = {{year}}", 32)
    ///     .param("region", "string", "north")
    ///     .param("year", "integer", 2026)
    ///     .rows()?;
    /// # Ok(()) }
    /// ```
    pub fn param(mut self, name: &str, param_type: &str, value: impl Into<Value>) -> Self {
        let params = self
            .params_arguments
            .entry("params")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(params) = params {
            params.push(json!({"name": name, "type": param_type}));
        }
        let arguments = self
            .params_arguments
            .entry("arguments")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(arguments) = arguments {
            arguments.insert(name.to_string(), value.into());
        }
        self
    }

    /// civis-python's `sql_params_arguments` as it is: an object whose only keys are `params`
    /// (the parameters' definitions, as `POST /scripts/sql` takes them) and `arguments` (their
    /// values), sent with the export script; replaces what [`param`](Self::param) added. Any
    /// other key, or a value that is not an object, is a usage error when the statement ends.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let params = serde_json::json!({
    ///     "params": [{"name": "n", "type": "integer", "default": 10}],
    ///     "arguments": {"n": 3},
    /// });
    /// let rows = client.sql("select * from t limit {{n}}", 32).sql_params_arguments(params).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn sql_params_arguments(mut self, params_arguments: Value) -> Self {
        match params_arguments {
            Value::Object(map) => {
                let unknown: Vec<&String> = map
                    .keys()
                    .filter(|k| *k != "params" && *k != "arguments")
                    .collect();
                if !unknown.is_empty() {
                    self.refused = Some(format!(
                        "sql_params_arguments takes the keys \"params\" and \"arguments\" only, not {unknown:?}"
                    ));
                }
                self.params_arguments = map;
            }
            Value::Null => self.params_arguments = Map::new(),
            other => {
                self.refused = Some(format!(
                    "sql_params_arguments must be an object with \"params\" and \"arguments\", not {other}"
                ))
            }
        }
        self
    }

    /// The text encoding of the export (default UTF-8), by a WHATWG label or Python codec
    /// name (`"latin-1"`, `"windows-1252"`, `"utf-16"`, `"shift_jis"`): civis-python's
    /// `encoding` of `read_civis` and `read_civis_sql`. [`rows`](Self::rows) and the typed
    /// results decode it into UTF-8 as it streams; [`to_csv`](Self::to_csv) and
    /// [`to_writer`](Self::to_writer) write the export's bytes as they are. `latin-1` is read
    /// as `windows-1252`, as browsers read it: the two differ only at bytes 0x80-0x9F, control
    /// characters in latin-1. An unknown label is a usage error before any request.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for record in client.sql("select name from legacy.people", 32).encoding("latin-1").rows()? {
    ///     println!("{}", &record?[0]);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn encoding(mut self, label: &str) -> Self {
        self.read.encoding(label.to_string());
        self
    }

    /// The most bytes one record of the result may hold in [`rows`](Self::rows),
    /// [`rows_as`](Self::rows_as) and Arrow batches (default
    /// [`DEFAULT_MAX_RECORD_BYTES`](crate::frames::DEFAULT_MAX_RECORD_BYTES), 8 MiB): a longer
    /// record ends the read with an error naming the bound instead of filling memory.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.sql("select doc from pages", 32).max_record_size(64 << 20).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn max_record_size(mut self, bytes: usize) -> Self {
        self.read.max_record_size(bytes);
        self
    }

    /// The type of column `column` in typed results ([`rows_as`](Self::rows_as), Arrow
    /// batches, DataFrames), whatever the table or the data say. See [`frames`](crate::frames)
    /// for where types come from otherwise.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use civis::tables::SqlType;
    /// let rows = client.sql("select zip, count(*) as n from t group by zip", 32)
    ///     .column_type("zip", SqlType::Text)
    ///     .rows_as::<(String, i64)>()?;
    /// # Ok(()) }
    /// ```
    pub fn column_type(mut self, column: impl Into<String>, sql_type: SqlType) -> Self {
        self.read.column_type(column.into(), sql_type);
        self
    }

    /// Every column of typed results is text (but those given a
    /// [`column_type`](Self::column_type)).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.sql("select * from t", 32).all_text().rows_as::<Vec<String>>()?;
    /// # Ok(()) }
    /// ```
    pub fn all_text(mut self) -> Self {
        self.read.all_text();
        self
    }

    /// Rows per Arrow record batch (default [`DEFAULT_BATCH_SIZE`](crate::workflows::frames::DEFAULT_BATCH_SIZE);
    /// at least 1).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let builder = client.sql("select * from t", 32).batch_size(8192);
    /// # Ok(()) }
    /// ```
    pub fn batch_size(mut self, rows: usize) -> Self {
        self.read.batch_size(rows);
        self
    }

    /// Exports the result (gzipped, with its header) and reads every row as a `T`, matched by
    /// column name, streamed: see [`TypedRows`](crate::workflows::frames::TypedRows). For a plain
    /// `select` of one table, `boolean` columns read from Redshift's `t`/`f`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// #[derive(serde::Deserialize)]
    /// struct Order { id: i64, #[serde(rename = "total_usd")] total: Option<f64> }
    /// for order in client.sql("select id, total_usd from sales.orders", 32).rows_as::<Order>()? {
    ///     let order = order?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn rows_as<T: serde::de::DeserializeOwned>(self) -> Result<TypedRows<T>, Error> {
        self.header(true).exported()?.rows_as()
    }

    /// The export (gzip, the header on) as [`CsvFiles`] with the types that apply: the
    /// caller's, and the table's for a plain `select` of one table.
    pub(crate) fn exported(&self) -> Result<CsvFiles<'_>, Error> {
        let file_id = self.export_file(Compression::Gzip, false)?;
        let table = self.table_types()?;
        Ok(self
            .client
            .read_csv_file(file_id)
            .delimiter(self.delimiter)
            .header(self.header)
            .with_options(self.read.clone())
            .with_table(table))
    }

    /// The column types of the table the SQL is a plain `select` of, if it is one and the
    /// caller has not made every column text. A table the API does not know (a temporary
    /// table, a view it has not crawled) leaves the types to inference, with a warning.
    fn table_types(&self) -> Result<Option<Vec<(String, SqlType)>>, Error> {
        if self.read.all_text {
            return Ok(None);
        }
        let Some(table) = crate::workflows::csv::plain_select_table(&self.sql) else {
            return Ok(None);
        };
        match self.client.table_columns(&table, self.database()?) {
            Ok(columns) => Ok(Some(
                columns
                    .iter()
                    .map(|c| (c.name.clone(), c.value_type()))
                    .collect(),
            )),
            Err(Error::NotFound(why)) => {
                log::warn!("{why}: the column types of {table} are inferred from the data");
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    /// What makes the statement unable to run, found before any export starts: a refused
    /// builder argument, an unknown encoding, and for [`Client::select_table`] a table (or
    /// database) the API does not know, with the closest names it does.
    fn check(&self) -> Result<(), Error> {
        if let Some(why) = &self.refused {
            return Err(Error::Usage(why.clone()));
        }
        #[cfg(feature = "read-only")]
        self.check_read_only()?;
        self.read.check_encoding()?;
        self.check_script()?;
        let Some(table) = &self.table else {
            return Ok(());
        };
        match self.client.get_table_id(table, self.database()?) {
            Ok(_) => Ok(()),
            Err(Error::NotFound(why)) if why.starts_with("No tables found") => {
                Err(Error::NotFound(format!(
                    "{why}; a table created moments ago may not be listed yet: `client.sql(\"select * from {table}\", ..)` reads it without the lookup"
                )))
            }
            Err(Error::NotFound(why)) => Err(Error::NotFound(why)),
            // A lookup that fails otherwise (no permission to list tables) leaves the export to
            // say whether the table exists.
            Err(other) => {
                log::debug!("could not look up {table} before its export: {other}");
                Ok(())
            }
        }
    }

    /// The database given, else the client's default.
    fn database(&self) -> Result<NameOrId, Error> {
        self.database.resolve(self.client)
    }

    /// The database's id and the credential to use.
    fn database_and_credential(&self) -> Result<(i64, Value), Error> {
        let database = self.client.get_database_id(self.database()?)?;
        let credential = match self.credential {
            Some(id) => Some(id),
            None => self.client.default_database_credential_id()?,
        };
        Ok((database, json!(credential)))
    }
}
