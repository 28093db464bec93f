//! The mock's small database: SQL texts whose rows a test registers, tables that imports create
//! or extend, and the jobs that read and write them, simulated end to end.
//!
//! - `POST /queries` runs a query whose `GET /queries/{id}` has preview rows once its run is
//!   over;
//! - `POST /scripts/sql` and a run of it write the result as CSV into the mock's file storage,
//!   honouring `csv_settings` (delimiter, header, compression, `unquoted`, `filename_prefix`;
//!   gzip in several members, as the platform writes it; `force_multifile` writes parts, of at
//!   most `max_file_size` MB when given, and a manifest), and give the file as the run's
//!   output; a script's `params` and `arguments` fill the SQL's `{{name}}`s;
//! - saved SQL scripts ([`MockServer::sql_script`]) are answered by `GET /scripts/sql/{id}` as
//!   they were made (as is every script `POST /scripts/sql` made), and run as exports do;
//! - `POST /files/preprocess/csv` and a run of it clean a stored file and detect its header,
//!   delimiter, compression and column types (`detectedInfo` of `GET /files/{id}`);
//! - `POST /imports/files/csv` and a run of it create or extend a table per
//!   `existing_table_rows` (with the types of `table_columns`, or detected ones), from plain or
//!   gzipped CSV; a table an import makes (new or dropped) is unknown to the API until a run
//!   of `POST /tables/scan` succeeds, as on the platform;
//!   `GET /databases/{db}/schemas/{s}/tables/{t}` says whether the API knows it;
//!   `select * from schema.table` and `select a, "B c" from schema.table [limit N]` return
//!   its rows;
//! - `GET /tables?database_id=&schema=&name=` finds tables, `GET /tables/{id}` (and
//!   `GET /databases/{db}/schemas/{s}/tables/{t}`) describes one as the spec's `Table`: columns
//!   with SQL types and `order`, a `tableDef` with `NOT NULL` where declared; each table has its
//!   own id from when it is created; a table the API has not scanned
//!   ([`MockServer::unscanned_table`]) is known once a run of `POST /tables/scan` succeeds;
//! - values loaded into typed columns (imports, [`MockServer::typed_table`]) are checked and
//!   stored as Redshift stores and prints them (`values`), so exports write what the
//!   platform's would;
//! - `POST /imports` (Dbsync), `POST /imports/{id}/syncs` and `POST /imports/{id}/runs` copy
//!   tables between databases.
//!
//! The work happens when a run starts; the run then goes through the jobs machinery
//! (`queued`, `running`, then `succeeded`, or `failed` with the database's error), so
//! [`Run`](crate::Run) waits on it as on any job. Requests about databases the test did not
//! declare with [`MockServer::database`] are left to scripts and recorded examples.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::sync::Arc;
use std::time::SystemTime;

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use serde_json::{json, Map, Value};

use super::jobs::{Jobs, MockJob};
use super::routes::Simulation;
use super::routing::Params;
use super::storage::Store;
use super::{lock, Error, Incoming, MockServer, Scripted};
use civis_core::tables::split_schema_tablename;

// The modules with handlers of the API's routes are the route table's to name.
pub(crate) mod exports;
pub(crate) mod imports;
pub(crate) mod preprocess;
pub(crate) mod queries;
mod select;
pub(crate) mod syncs;
pub(crate) mod tables;
mod values;

use imports::*;
use preprocess::*;
use tables::{check_not_null, split_not_null};

/// The rows a SQL text returns, or a table holds: column names, then rows of values, `None`
/// being SQL `NULL` (written as an empty field in CSV exports, as the platform writes it).
///
/// ```
/// use civis_mock::MockRows;
/// let rows = MockRows::new(["id", "name"])
///     .row([Some("1"), Some("Ada")])
///     .row([Some("2"), None]);
/// assert_eq!(rows.rows.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MockRows {
    /// The column names.
    pub columns: Vec<String>,
    /// The rows, each with one value per column.
    pub rows: Vec<Vec<Option<String>>>,
}

impl MockRows {
    /// No rows yet, with these columns.
    ///
    /// ```
    /// let rows = civis_mock::MockRows::new(["a", "b"]);
    /// assert_eq!(rows.columns, ["a", "b"]);
    /// ```
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Self {
        Self {
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// One more row.
    ///
    /// ```
    /// let rows = civis_mock::MockRows::new(["a"]).row([Some("x, \"y\"\nz")]).row([None]);
    /// ```
    pub fn row<'a>(mut self, values: impl IntoIterator<Item = Option<&'a str>>) -> Self {
        self.rows
            .push(values.into_iter().map(|v| v.map(str::to_string)).collect());
        self
    }
}

/// A table of the mock database.
#[derive(Debug, Clone)]
struct Table {
    /// Its id in `GET /tables/{id}`; 0 until [`Database::put_table`] gives it one.
    id: i64,
    /// Names and SQL types.
    columns: Vec<(String, String)>,
    /// The names of the columns declared `NOT NULL` (its `tableDef` says so, and a load of a
    /// NULL into one fails).
    not_null: Vec<String>,
    /// Shared with the outcome of a `select *` (so that exporting a large table does not copy
    /// it first); a change copies them only while an export still holds them.
    rows: Arc<Vec<Vec<Option<String>>>>,
    /// Whether the API knows the table (see [`MockServer::unscanned_table`]).
    scan: Scan,
    /// When it was made (`schemaUpdatedAt`), set by [`Database::put_table`] with its id.
    created: SystemTime,
    /// When its rows last changed or it was scanned (`dataUpdatedAt`, `lastRefresh`), set by
    /// [`Database::put_table`] and by a scan.
    updated: SystemTime,
    /// Each column's null and distinct counts, as the platform's scanner keeps them: counted
    /// once per version of the rows (a `GET /tables/{id}` of a 2-million-row table would
    /// otherwise count them again each time), emptied whenever the rows change.
    stats: std::sync::OnceLock<Vec<ColumnStats>>,
}

/// What `GET /tables/{id}` says of a column's values.
#[derive(Debug, Clone, Copy)]
struct ColumnStats {
    nulls: usize,
    distinct: usize,
}

impl Table {
    /// A new table (no id yet, every column nullable, known to the API).
    fn new(columns: Vec<(String, String)>, rows: Vec<Vec<Option<String>>>) -> Self {
        Self {
            id: 0,
            columns,
            not_null: Vec::new(),
            rows: Arc::new(rows),
            scan: Scan::Known,
            created: SystemTime::UNIX_EPOCH,
            updated: SystemTime::UNIX_EPOCH,
            stats: std::sync::OnceLock::new(),
        }
    }

    /// The rows, to change: the column statistics are counted again when next asked for.
    fn rows_mut(&mut self) -> &mut Vec<Vec<Option<String>>> {
        self.stats = std::sync::OnceLock::new();
        Arc::make_mut(&mut self.rows)
    }

    /// Each column's statistics, counted now if the rows changed since they last were.
    fn stats(&self) -> &[ColumnStats] {
        self.stats.get_or_init(|| {
            (0..self.columns.len())
                .map(|index| {
                    let values = self
                        .rows
                        .iter()
                        .map(|row| row.get(index).and_then(Option::as_deref));
                    let nulls = values.clone().filter(Option::is_none).count();
                    let distinct = values.collect::<std::collections::HashSet<_>>().len();
                    ColumnStats { nulls, distinct }
                })
                .collect()
        })
    }
}

/// Whether the API knows a table of the database: the platform lists a table only once its
/// table scanner has run on it, which `POST /tables/scan` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scan {
    /// Listed and described.
    Known,
    /// In the database (selects read it) but unknown to the API.
    Unscanned,
    /// Unknown until run `run` of scan job `job` succeeds.
    Scanning { job: i64, run: i64 },
}

/// What a SQL text does when run. Rows are shared, not copied, by every export of them.
#[derive(Debug, Clone)]
enum Outcome {
    Rows {
        columns: Vec<String>,
        rows: Arc<Vec<Vec<Option<String>>>>,
    },
    Fails(String),
}

/// A job the database made, waiting for its run to start.
#[derive(Debug, Clone)]
enum DbJob {
    Export {
        database: i64,
        sql: String,
        settings: Map<String, Value>,
        params: exports::ScriptParams,
    },
    Preprocess {
        body: Map<String, Value>,
    },
    Import {
        body: Map<String, Value>,
    },
    Sync {
        body: Map<String, Value>,
        syncs: Vec<Value>,
    },
}

/// The state of the mock database.
#[derive(Debug, Default)]
pub(super) struct Database {
    databases: Vec<(i64, String)>,
    default_credential: Option<i64>,
    results: HashMap<String, Outcome>,
    tables: HashMap<(i64, String, String), Table>,
    jobs: HashMap<i64, DbJob>,
    /// `output` of `GET /scripts/sql/{id}/runs/{run_id}`, by script.
    exports: HashMap<i64, Value>,
    /// `GET /scripts/sql/{id}`: each SQL script as it was made, by id.
    scripts: HashMap<i64, Value>,
    /// Query id -> (SQL outcome, preview rows, run id).
    queries: HashMap<i64, (Outcome, usize, i64, Value)>,
    next_id: i64,
    next_table_id: i64,
    /// The text encoding exports are written in (`None`: UTF-8).
    export_encoding: Option<&'static encoding_rs::Encoding>,
}

/// Ids of the database's jobs start here, apart from the ids tests give jobs, custom scripts
/// (7001) and runs (9001).
const FIRST_JOB_ID: i64 = 50_001;

/// Rows per gzip member of an export: several members, as the platform writes them, so that a
/// reader that stops after the first is caught.
const ROWS_PER_MEMBER: usize = 1000;

impl MockServer {
    /// Declares database `id` called `name` (`GET /databases` lists it); the mock database
    /// simulates queries, exports and imports on declared databases only.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.database(32, "redshift-general");
    /// # Ok(()) }
    /// ```
    pub fn database(&self, id: i64, name: &str) {
        let mut state = lock(&self.state);
        state.database.databases.retain(|(i, _)| *i != id);
        state.database.databases.push((id, name.to_string()));
    }

    /// Makes `id` the user's default database credential
    /// (`GET /credentials?default=true&type=Database`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.default_database_credential(1234);
    /// # Ok(()) }
    /// ```
    pub fn default_database_credential(&self, id: i64) {
        lock(&self.state).database.default_credential = Some(id);
    }

    /// Makes the SQL text `sql` return `rows` on every database (texts match ignoring case,
    /// runs of white space and a trailing `;`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use civis_mock::{MockRows, MockServer};
    /// let mock = MockServer::scripted()?;
    /// mock.sql_returns("select 1 as one", MockRows::new(["one"]).row([Some("1")]));
    /// # Ok(()) }
    /// ```
    pub fn sql_returns(&self, sql: &str, rows: MockRows) {
        lock(&self.state).database.results.insert(
            normalize(sql),
            Outcome::Rows {
                columns: rows.columns,
                rows: Arc::new(rows.rows),
            },
        );
    }

    /// Writes every later export in the text encoding `label` (a WHATWG label: `latin1`,
    /// `windows-1252`, `utf-16le`, `shift_jis`, ...) instead of UTF-8, as a database holding
    /// text in another encoding exports it; UTF-16 without a byte-order mark. An unknown label
    /// is an [`Error::Value`].
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.export_encoding("latin1")?;
    /// assert!(mock.export_encoding("klingon").is_err());
    /// # Ok(()) }
    /// ```
    pub fn export_encoding(&self, label: &str) -> Result<(), Error> {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or_else(|| Error::Value(format!("unknown text encoding {label:?}")))?;
        lock(&self.state).database.export_encoding =
            (encoding != encoding_rs::UTF_8).then_some(encoding);
        Ok(())
    }

    /// Makes the SQL text `sql` fail with the database error `error`: its query or export run
    /// fails with that text.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.sql_fails("selec 1", "syntax error at or near \"selec\"");
    /// # Ok(()) }
    /// ```
    pub fn sql_fails(&self, sql: &str, error: &str) {
        lock(&self.state)
            .database
            .results
            .insert(normalize(sql), Outcome::Fails(error.to_string()));
    }

    /// Creates (or replaces) the table `table` (`"schema.table"`) of database `database` with
    /// `rows`; its columns are typed as an import would detect them, and its values kept as
    /// given (use [`MockServer::typed_table`] for values as the database stores them).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use civis_mock::{MockRows, MockServer};
    /// let mock = MockServer::scripted()?;
    /// mock.table(32, "public.users", MockRows::new(["id"]).row([Some("1")]));
    /// # Ok(()) }
    /// ```
    pub fn table(&self, database: i64, table: &str, rows: MockRows) {
        let Some(key) = table_key(database, table) else {
            return;
        };
        let columns = detect_types(&rows.columns, &rows.rows);
        let made = Table::new(columns, rows.rows);
        // Counted as a scan would, before the lock is taken (see `typed_table`).
        made.stats();
        lock(&self.state).database.put_table(key, made);
    }

    /// Creates (or replaces) the table `table` (`"schema.table"`) of database `database` with
    /// `columns` (names and SQL types, as a `CREATE TABLE` gives them) and `rows`, whose columns
    /// must be those names in that order. Values are stored as the database stores them, so
    /// that exports print them as Redshift's do: `BOOLEAN` as `t`/`f`, `NUMERIC(p,s)` with `s`
    /// places, `TIMESTAMPTZ` in UTC with `+00`, floats in their shortest form. A value that does
    /// not fit its type is an [`Error::Value`] naming its row (from 1), column and text.
    ///
    /// Types without a length follow Redshift: `VARCHAR` and `TEXT` hold 256 bytes, `CHAR`
    /// one. Types the mock does not know keep their values as given.
    ///
    /// A type ending in `NOT NULL` (`("id", "INTEGER NOT NULL")`, any case) declares the column
    /// not null, as in a `CREATE TABLE`: the table's `tableDef` says `NOT NULL` after it (its
    /// `sqlType` is the type alone), and a NULL in it is an [`Error::Value`].
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use civis_mock::{MockRows, MockServer};
    /// let mock = MockServer::scripted()?;
    /// mock.database(32, "redshift-general");
    /// let columns = [("id", "INTEGER"), ("ok", "BOOLEAN"), ("price", "NUMERIC(10,2)")];
    /// mock.typed_table(32, "shop.items", &columns, MockRows::new(["id", "ok", "price"])
    ///     .row([Some("007"), Some("true"), Some("1.5")]))?;
    /// let stored = mock.table_rows(32, "shop.items").unwrap();
    /// assert_eq!(stored.rows[0], [Some("7".into()), Some("t".into()), Some("1.50".into())]);
    ///
    /// let bad = MockRows::new(["id", "ok", "price"]).row([Some("x"), None, None]);
    /// let error = mock.typed_table(32, "shop.items", &columns, bad).unwrap_err();
    /// assert!(error.to_string().contains("(row 1, column \"id\")"));
    ///
    /// let required = [("id", "INTEGER NOT NULL")];
    /// let null = MockRows::new(["id"]).row([None]);
    /// assert!(mock.typed_table(32, "shop.ids", &required, null).is_err());
    /// # Ok(()) }
    /// ```
    pub fn typed_table(
        &self,
        database: i64,
        table: &str,
        columns: &[(&str, &str)],
        rows: MockRows,
    ) -> Result<(), Error> {
        let key = table_key(database, table)
            .ok_or_else(|| Error::Value(format!("cannot parse the table name {table}")))?;
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        if rows.columns != names {
            return Err(Error::Value(format!(
                "the rows' columns {:?} are not the table's {names:?}",
                rows.columns
            )));
        }
        let mut not_null = Vec::new();
        let columns: Vec<(String, String)> = columns
            .iter()
            .map(|(name, declared)| {
                let (sql_type, required) = split_not_null(declared);
                if required {
                    not_null.push(name.to_string());
                }
                (name.to_string(), sql_type.to_string())
            })
            .collect();
        let mut data = rows.rows;
        check_widths(&data, columns.len()).map_err(Error::Value)?;
        values::normalize_rows(&columns, &mut data).map_err(|bad| Error::Value(bad.to_string()))?;
        check_not_null(&columns, &not_null, &data).map_err(Error::Value)?;
        let mut made = Table::new(columns, data);
        made.not_null = not_null;
        // A table set up for a test is as scanned as the platform's: its statistics are
        // counted now, before the lock is taken, not in the first request that describes it.
        made.stats();
        lock(&self.state).database.put_table(key, made);
        Ok(())
    }

    /// Makes table `table` (`"schema.table"`) of database `database` one the API has not
    /// scanned yet, as a table just made by SQL outside Civis is: it is in the database
    /// (selects and exports read it), but `GET /tables` does not list it and
    /// `GET /tables/{id}` and `GET /databases/{id}/schemas/{schema}/tables/{table}` answer
    /// 404, until a run of `POST /tables/scan` for it has succeeded. An [`Error::Value`] when
    /// there is no such table.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use civis_mock::{MockRows, MockServer};
    /// let mock = MockServer::scripted()?;
    /// mock.database(32, "redshift-general");
    /// mock.typed_table(32, "s.fresh", &[("id", "INTEGER NOT NULL")], MockRows::new(["id"]))?;
    /// mock.unscanned_table(32, "s.fresh")?;
    /// assert!(mock.unscanned_table(32, "s.nothing").is_err());
    /// # Ok(()) }
    /// ```
    pub fn unscanned_table(&self, database: i64, table: &str) -> Result<(), Error> {
        let key = table_key(database, table)
            .ok_or_else(|| Error::Value(format!("cannot parse the table name {table}")))?;
        let mut state = lock(&self.state);
        let found = state.database.tables.get_mut(&key).ok_or_else(|| {
            Error::Value(format!("there is no table {table} in database {database}"))
        })?;
        found.scan = Scan::Unscanned;
        Ok(())
    }

    /// The rows of table `table` of database `database` now, or `None` when it does not exist.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// assert_eq!(mock.table_rows(32, "public.nothing"), None);
    /// # Ok(()) }
    /// ```
    pub fn table_rows(&self, database: i64, table: &str) -> Option<MockRows> {
        let key = table_key(database, table)?;
        let state = lock(&self.state);
        let table = state.database.tables.get(&key)?;
        Some(MockRows {
            columns: table.columns.iter().map(|(n, _)| n.clone()).collect(),
            rows: table.rows.to_vec(),
        })
    }
}

/// `(database, schema, table)`, the names as `split_schema_tablename` reads them (no schema:
/// `public`).
fn table_key(database: i64, table: &str) -> Option<(i64, String, String)> {
    let (schema, name) = split_schema_tablename(table).ok()?;
    Some((database, schema.unwrap_or_else(|| "public".into()), name))
}

/// `text` after the word `word` (any case, after white space), if it starts so.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let text = text.trim_start();
    let head = text.get(..word.len())?;
    head.eq_ignore_ascii_case(word).then(|| &text[word.len()..])
}

/// A SQL text as registered texts are matched: lower case, single spaces, no trailing `;`.
fn normalize(sql: &str) -> String {
    let words: Vec<&str> = sql.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches(';')
        .trim_end()
        .to_lowercase()
}

/// `GET /databases`: the declared databases; none declared, left to recorded examples.
pub(crate) fn list_databases(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let databases = &simulation.database.databases;
    if databases.is_empty() {
        return None;
    }
    let list: Vec<Value> = databases
        .iter()
        .map(|(id, name)| json!({"id": id, "name": name}))
        .collect();
    Some(Scripted::json(200, Value::Array(list).to_string()))
}

/// `GET /credentials?type=Database&default=true`: the default database credential, once a
/// test set one; any other listing is left to recorded examples.
pub(crate) fn list_credentials(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let credential = simulation.database.default_credential?;
    let asks = |key: &str, value: &str| {
        incoming
            .query
            .iter()
            .any(|(k, v)| k == key && v.eq_ignore_ascii_case(value))
    };
    if !(asks("type", "Database") && asks("default", "true")) {
        return None;
    }
    let list = json!([{"id": credential, "name": "mock database credential", "type": "Database", "default": true}]);
    Some(Scripted::json(200, list.to_string()))
}

/// The API's answer to the request that made job `job`: the request's fields, and the job's
/// `id`.
fn job_made(mut body: Map<String, Value>, job: i64) -> Scripted {
    body.insert("id".into(), json!(job));
    Scripted::json(201, Value::Object(body).to_string())
}

/// The id in a number field of a request's body (`database`, `remote_host_id`).
fn number(value: Option<&Value>) -> Option<i64> {
    value.and_then(Value::as_i64)
}

impl Database {
    fn known(&self, database: Option<i64>) -> bool {
        database.is_some_and(|id| self.databases.iter().any(|(i, _)| *i == id))
    }

    /// A new job id (queries are jobs too, with nothing to do when their run starts).
    fn new_id(&mut self) -> i64 {
        if self.next_id == 0 {
            self.next_id = FIRST_JOB_ID;
        }
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn new_job(&mut self, job: DbJob) -> i64 {
        let id = self.new_id();
        self.jobs.insert(id, job);
        id
    }

    /// Does the work of a run of `job`, one of the database's jobs, and declares how the run
    /// ends; nothing for any other job.
    pub(crate) fn start(&mut self, job: i64, jobs: &mut Jobs, store: &Store) {
        let Some(work) = self.jobs.get(&job).cloned() else {
            return;
        };
        let outcome = match work {
            DbJob::Export {
                database,
                sql,
                settings,
                params,
            } => self.export(job, database, &sql, &settings, &params, store),
            DbJob::Preprocess { body } => preprocess(&body, store),
            DbJob::Import { body } => self.import(&body, store).map(|()| Vec::new()),
            DbJob::Sync { body, syncs } => self.sync(&body, &syncs).map(|()| Vec::new()),
        };
        let declared = match outcome {
            Ok(outputs) => outputs
                .into_iter()
                .fold(MockJob::succeeds_after(2), |job, (name, file_id)| {
                    job.output(&name, "File", file_id)
                }),
            Err(error) => MockJob::fails_after(2, &error),
        };
        jobs.declare(job, declared);
    }

    /// What `sql` returns on `database`: a registered result, or a table's rows for a plain
    /// select (`select * from schema.table`, `select a, "B c" from schema.table limit 10`).
    fn run_sql(&self, database: i64, sql: &str) -> Outcome {
        let normalized = normalize(sql);
        if let Some(outcome) = self.results.get(&normalized) {
            return outcome.clone();
        }
        if let Some(outcome) = self.select(database, sql) {
            return outcome;
        }
        Outcome::Fails(format!(
            "the mock database has no result for this SQL (register one with MockServer::sql_returns): {sql}"
        ))
    }
}

fn bad_request(message: &str) -> Scripted {
    let body = json!({"error": "bad_request", "errorDescription": message, "code": 400});
    Scripted::json(400, body.to_string())
}

fn not_found(message: &str) -> Scripted {
    let body = json!({"error": "not_found", "errorDescription": message, "code": 404});
    Scripted::json(404, body.to_string())
}
