//! The mock's small database: SQL texts whose rows a test registers, tables that imports create
//! or extend, and the jobs that read and write them, simulated end to end.
//!
//! - `POST /queries` runs a query whose `GET /queries/{id}` has preview rows once its run is
//!   over;
//! - `POST /scripts/sql` and a run of it write the result as CSV into the mock's file storage,
//!   honouring `csv_settings` (delimiter, header, compression; gzip in several members, as the
//!   platform writes it; `force_multifile` writes parts and a manifest), and give the file as
//!   the run's output;
//! - `POST /files/preprocess/csv` and a run of it clean a stored file and detect its header,
//!   delimiter, compression and column types (`detectedInfo` of `GET /files/{id}`);
//! - `POST /imports/files/csv` and a run of it create or extend a table per
//!   `existing_table_rows`; `GET /databases/{db}/schemas/{s}/tables/{t}` says whether it
//!   exists; `select * from schema.table` returns its rows;
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

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use serde_json::{json, Map, Value};

use super::jobs::{Jobs, MockJob};
use super::storage::Store;
use super::{lock, Incoming, MockServer, Scripted};
use civis_core::__private::split_schema_tablename;

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
    /// Names and SQL types.
    columns: Vec<(String, String)>,
    rows: Vec<Vec<Option<String>>>,
}

/// What a SQL text does when run. Rows are shared, not copied, by every export of them.
#[derive(Debug, Clone)]
enum Outcome {
    Rows(Arc<MockRows>),
    Fails(String),
}

/// A job the database made, waiting for its run to start.
#[derive(Debug, Clone)]
enum DbJob {
    Export {
        database: i64,
        sql: String,
        settings: Map<String, Value>,
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
    /// Query id -> (SQL outcome, preview rows, run id).
    queries: HashMap<i64, (Outcome, usize, i64, Value)>,
    next_id: i64,
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
        lock(&self.state)
            .database
            .results
            .insert(normalize(sql), Outcome::Rows(Arc::new(rows)));
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
    /// `rows`; its columns are typed as an import would detect them.
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
        lock(&self.state).database.tables.insert(
            key,
            Table {
                columns,
                rows: rows.rows,
            },
        );
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
            rows: table.rows.clone(),
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

    /// The answer to a request the database simulates, or `None` for any other; `jobs` runs
    /// its jobs, `store` holds its files.
    pub(super) fn answer(
        &mut self,
        incoming: &Incoming,
        jobs: &mut Jobs,
        store: &Store,
    ) -> Option<Scripted> {
        let segments = incoming.segments();
        let body = incoming.body_fields();
        let number = |value: Option<&Value>| value.and_then(Value::as_i64);
        let id = |index: usize| segments.get(index).and_then(|s| s.parse::<i64>().ok());
        match (incoming.method.as_str(), segments.as_slice()) {
            ("GET", ["databases"]) if !self.databases.is_empty() => {
                let list: Vec<Value> = self
                    .databases
                    .iter()
                    .map(|(id, name)| json!({"id": id, "name": name}))
                    .collect();
                Some(Scripted::json(200, Value::Array(list).to_string()))
            }
            ("GET", ["credentials"]) => {
                let credential = self.default_credential?;
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
            ("GET", ["databases", db, "schemas", schema, "tables", table]) => {
                let db: i64 = db.parse().ok()?;
                if !self.known(Some(db)) {
                    return None;
                }
                let key = (db, schema.to_string(), table.to_string());
                Some(match self.tables.get(&key) {
                    Some(found) => Scripted::json(200, describe_table(&key, found).to_string()),
                    None => not_found(&format!("table {schema}.{table} does not exist")),
                })
            }
            ("POST", ["queries"]) => {
                let database = number(body.get("database"));
                if !self.known(database) {
                    return None;
                }
                Some(self.query(&body, jobs))
            }
            ("GET", ["queries", _]) => {
                let query = id(1)?;
                let (outcome, preview, run_id, made) = self.queries.get(&query)?;
                Some(query_answer(query, outcome, *preview, *run_id, made, jobs))
            }
            ("POST", ["scripts", "sql"]) => {
                let database = number(body.get("remote_host_id"));
                if !self.known(database) {
                    return None;
                }
                let sql = body.get("sql").and_then(Value::as_str).unwrap_or_default();
                let settings = match body.get("csv_settings") {
                    Some(Value::Object(settings)) => settings.clone(),
                    _ => Map::new(),
                };
                let job = self.new_job(DbJob::Export {
                    database: database.unwrap_or_default(),
                    sql: sql.to_string(),
                    settings,
                });
                let mut answer = body.clone();
                answer.insert("id".into(), json!(job));
                answer.insert("type".into(), json!("JobTypes::SqlRunner"));
                Some(Scripted::json(201, Value::Object(answer).to_string()))
            }
            ("POST", ["scripts", "sql", _, "runs"]) => {
                let job = id(2)?;
                self.jobs.get(&job)?;
                self.start(job, jobs, store);
                Some(jobs.start_run(job, 202, "sqlId"))
            }
            ("GET", ["scripts", "sql", _, "runs", _]) => {
                let job = id(2)?;
                let output = self.exports.get(&job)?.clone();
                // The run's own answer, from the jobs machinery, with the export's output.
                let as_job = Incoming {
                    path: format!("/jobs/{job}/runs/{}", id(4)?),
                    ..incoming.clone()
                };
                let reply = jobs.answer(&as_job)?;
                let mut run: Value = serde_json::from_str(&reply.body).ok()?;
                run["sqlId"] = json!(job);
                let over = run["state"] == "succeeded";
                run["output"] = if over { output } else { json!([]) };
                Some(Scripted::json(reply.status, run.to_string()))
            }
            ("POST", ["files", "preprocess", "csv"]) => {
                let file = number(body.get("file_id"))?;
                store.stored_path(file)?;
                let job = self.new_job(DbJob::Preprocess { body: body.clone() });
                let mut answer = body;
                answer.insert("id".into(), json!(job));
                Some(Scripted::json(201, Value::Object(answer).to_string()))
            }
            ("POST", ["imports", "files", "csv"]) => {
                let database = number(
                    body.get("destination")
                        .and_then(|d| d.get("remote_host_id")),
                );
                if !self.known(database) {
                    return None;
                }
                let job = self.new_job(DbJob::Import { body: body.clone() });
                let mut answer = body;
                answer.insert("id".into(), json!(job));
                Some(Scripted::json(201, Value::Object(answer).to_string()))
            }
            ("POST", ["imports"]) => {
                let database = number(body.get("source").and_then(|d| d.get("remote_host_id")));
                if !self.known(database) || body.get("sync_type") != Some(&json!("Dbsync")) {
                    return None;
                }
                let job = self.new_job(DbJob::Sync {
                    body: body.clone(),
                    syncs: Vec::new(),
                });
                let mut answer = body;
                answer.insert("id".into(), json!(job));
                Some(Scripted::json(201, Value::Object(answer).to_string()))
            }
            ("POST", ["imports", _, "syncs"]) => {
                let job = id(1)?;
                let Some(DbJob::Sync { syncs, .. }) = self.jobs.get_mut(&job) else {
                    return None;
                };
                let mut sync = body;
                sync.insert("id".into(), json!(syncs.len() + 1));
                syncs.push(Value::Object(sync.clone()));
                Some(Scripted::json(201, Value::Object(sync).to_string()))
            }
            ("POST", ["imports", _, "runs"]) => {
                let job = id(1)?;
                if !matches!(self.jobs.get(&job), Some(DbJob::Sync { .. })) {
                    return None;
                }
                self.start(job, jobs, store);
                let started = jobs.start_run(job, 202, "importId");
                let run: Value = serde_json::from_str(&started.body).ok()?;
                Some(Scripted::json(202, json!({"runId": run["id"]}).to_string()))
            }
            ("POST", ["jobs", _, "runs"]) => {
                // A preprocess or import job: do its work, then let the jobs machinery start
                // the run that reports it.
                let job = id(1)?;
                self.jobs.get(&job)?;
                self.start(job, jobs, store);
                None
            }
            _ => None,
        }
    }

    /// Does the work of a run of `job` and declares how the run ends.
    fn start(&mut self, job: i64, jobs: &mut Jobs, store: &Store) {
        let Some(work) = self.jobs.get(&job).cloned() else {
            return;
        };
        let outcome = match work {
            DbJob::Export {
                database,
                sql,
                settings,
            } => self.export(job, database, &sql, &settings, store),
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

    /// What `sql` returns on `database`: a registered result, or a table's rows for
    /// `select * from schema.table`.
    fn run_sql(&self, database: i64, sql: &str) -> Outcome {
        let normalized = normalize(sql);
        if let Some(outcome) = self.results.get(&normalized) {
            return outcome.clone();
        }
        // `select * from NAME`, NAME as `split_schema_tablename` reads it (quoted parts may
        // hold spaces and periods).
        let trimmed = sql.trim().trim_end_matches(';');
        let name = strip_word(trimmed, "select")
            .and_then(|rest| strip_word(rest, "*"))
            .and_then(|rest| strip_word(rest, "from"))
            .map(str::trim);
        if let Some(name) = name {
            let Some(key) = table_key(database, name) else {
                return Outcome::Fails(format!("cannot parse the table name {name}"));
            };
            return match self.tables.get(&key) {
                Some(table) => Outcome::Rows(Arc::new(MockRows {
                    columns: table.columns.iter().map(|(n, _)| n.clone()).collect(),
                    rows: table.rows.clone(),
                })),
                None => Outcome::Fails(format!("relation \"{}.{}\" does not exist", key.1, key.2)),
            };
        }
        Outcome::Fails(format!(
            "the mock database has no result for this SQL (register one with MockServer::sql_returns): {sql}"
        ))
    }

    fn query(&mut self, body: &Map<String, Value>, jobs: &mut Jobs) -> Scripted {
        let database = body
            .get("database")
            .and_then(Value::as_i64)
            .unwrap_or_default();
        let sql = body.get("sql").and_then(Value::as_str).unwrap_or_default();
        let preview = body
            .get("preview_rows")
            .and_then(Value::as_u64)
            .unwrap_or(100) as usize;
        let outcome = self.run_sql(database, sql);
        // The query is evaluated now, and its run started at once, as the API starts it.
        let query = self.new_id();
        jobs.declare(
            query,
            match &outcome {
                Outcome::Rows(_) => MockJob::succeeds_after(2),
                Outcome::Fails(error) => MockJob::fails_after(2, error),
            },
        );
        let started = jobs.start_run(query, 201, "");
        let run_id = serde_json::from_str::<Value>(&started.body)
            .ok()
            .and_then(|run| run["id"].as_i64())
            .unwrap_or_default();
        let mut made = body.clone();
        made.insert("id".into(), json!(query));
        made.insert("lastRunId".into(), json!(run_id));
        let made = Value::Object(made);
        let answer = query_answer(query, &outcome, preview, run_id, &made, jobs);
        self.queries.insert(query, (outcome, preview, run_id, made));
        Scripted::json(201, answer.body)
    }

    /// Writes the export of `sql` into storage; the run's outputs.
    fn export(
        &mut self,
        job: i64,
        database: i64,
        sql: &str,
        settings: &Map<String, Value>,
        store: &Store,
    ) -> Result<Vec<(String, i64)>, String> {
        let rows = match self.run_sql(database, sql) {
            Outcome::Rows(rows) => rows,
            Outcome::Fails(error) => return Err(error),
        };
        let text = |key: &str, default: &str| {
            settings
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_string()
        };
        let header = settings
            .get("include_header")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let delimiter = delimiter_char(&text("column_delimiter", "comma"))?;
        let compression = text("compression", "gzip");
        let multifile = settings
            .get("force_multifile")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let extension = match compression.as_str() {
            "gzip" => "csv.gz",
            "zip" => "csv.zip",
            _ => "csv",
        };
        let fail = |e: io::Error| format!("the mock could not store the export: {e}");
        let outputs = if multifile {
            // Parts of at most a third of the rows each (and at least one part), without
            // headers: the manifest names the columns.
            let per_part = rows.rows.len().div_ceil(3).max(1);
            let mut entries = Vec::new();
            let chunks: Vec<&[Vec<Option<String>>]> = if rows.rows.is_empty() {
                vec![&[]]
            } else {
                rows.rows.chunks(per_part).collect()
            };
            for (index, chunk) in chunks.into_iter().enumerate() {
                let name = format!("export_{job}_part{index:04}.{extension}");
                let id = store
                    .put_with(&name, |file| {
                        write_csv(file, &rows.columns, chunk, false, delimiter, &compression)
                    })
                    .map_err(fail)?;
                let size = store
                    .stored_path(id)
                    .and_then(|p| p.metadata().ok())
                    .map_or(0, |m| m.len());
                entries.push(json!({
                    "id": id,
                    "name": name,
                    "size": size,
                    "url": format!("s3://mock-bucket/exports/{name}"),
                    "url_signed": store.download_url(id),
                }));
            }
            let manifest = json!({
                "query": sql,
                "header": rows.columns,
                "entries": entries,
                "unquoted": false,
                "compression": compression,
                "delimiter": text("column_delimiter", "comma"),
            });
            let name = format!("export_{job}_manifest.json");
            let id = store
                .put_with(&name, |file| {
                    file.write_all(manifest.to_string().as_bytes())
                })
                .map_err(fail)?;
            vec![(name, id)]
        } else {
            let name = format!("export_{job}.{extension}");
            let id = store
                .put_with(&name, |file| {
                    write_csv(
                        file,
                        &rows.columns,
                        &rows.rows,
                        header,
                        delimiter,
                        &compression,
                    )
                })
                .map_err(fail)?;
            vec![(name, id)]
        };
        let output: Vec<Value> = outputs
            .iter()
            .map(|(name, id)| {
                json!({"outputName": name, "fileId": id, "path": store.download_url(*id)})
            })
            .collect();
        self.exports.insert(job, Value::Array(output));
        Ok(outputs)
    }

    /// An import job's work: the cleaned files into the table, per `existing_table_rows`.
    fn import(&mut self, body: &Map<String, Value>, store: &Store) -> Result<(), String> {
        let destination = body.get("destination").cloned().unwrap_or(Value::Null);
        let database = destination["remote_host_id"].as_i64().unwrap_or_default();
        let schema = destination["schema"]
            .as_str()
            .unwrap_or("public")
            .to_string();
        let name = destination["table"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let header = body
            .get("first_row_is_header")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let delimiter = delimiter_char(
            body.get("column_delimiter")
                .and_then(Value::as_str)
                .unwrap_or("comma"),
        )?;
        let strings = |value: &Value| -> Vec<String> {
            value
                .as_array()
                .map(|keys| {
                    keys.iter()
                        .filter_map(|k| k.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut names = Vec::new();
        let mut rows = Vec::new();
        for file in body
            .get("source")
            .and_then(|s| s.get("file_ids"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = file.as_i64().unwrap_or_default();
            let (file_names, file_rows) = read_csv(store, id, delimiter, header)?;
            if names.is_empty() {
                names = file_names;
            }
            rows.extend(file_rows);
        }
        let declared: Option<Vec<(String, String)>> = body
            .get("table_columns")
            .and_then(Value::as_array)
            .map(|columns| {
                columns
                    .iter()
                    .map(|c| {
                        let text = |k: &str| c[k].as_str().unwrap_or_default().to_string();
                        (text("name"), text("sql_type"))
                    })
                    .collect()
            });
        let width = rows.first().map_or(names.len(), Vec::len);
        if names.len() != width {
            names = (1..=width).map(|i| format!("column_{i}")).collect();
        }
        let columns = declared
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| detect_types(&names, &rows));
        let mode = body
            .get("existing_table_rows")
            .and_then(Value::as_str)
            .unwrap_or("fail");
        let key = (database, schema, name);
        let merged = merge(
            self.tables.get(&key),
            columns,
            rows,
            mode,
            &strings(&destination["primary_keys"]),
            &strings(&destination["last_modified_keys"]),
            &format!("{}.{}", key.1, key.2),
        )?;
        self.tables.insert(key, merged);
        Ok(())
    }

    /// A Dbsync import's work: each sync's source table into its destination.
    fn sync(&mut self, body: &Map<String, Value>, syncs: &[Value]) -> Result<(), String> {
        let source_db = body["source"]["remote_host_id"]
            .as_i64()
            .unwrap_or_default();
        let dest_db = body["destination"]["remote_host_id"]
            .as_i64()
            .unwrap_or_default();
        if !self.known(Some(dest_db)) {
            return Err(format!("database {dest_db} does not exist"));
        }
        for sync in syncs {
            let path = |side: &str| sync[side]["path"].as_str().unwrap_or_default().to_string();
            let (from, to) = (path("source"), path("destination"));
            let source_key = table_key(source_db, &from).ok_or("bad source table name")?;
            let dest_key = table_key(dest_db, &to).ok_or("bad destination table name")?;
            let source = self
                .tables
                .get(&source_key)
                .cloned()
                .ok_or_else(|| format!("relation \"{from}\" does not exist"))?;
            let mode = sync["advanced_options"]["existing_table_rows"]
                .as_str()
                .unwrap_or("fail");
            let merged = merge(
                self.tables.get(&dest_key),
                source.columns,
                source.rows,
                mode,
                &[],
                &[],
                &to,
            )?;
            self.tables.insert(dest_key, merged);
        }
        Ok(())
    }
}

/// The table after loading `rows` into `existing` (if any) per `mode`.
fn merge(
    existing: Option<&Table>,
    columns: Vec<(String, String)>,
    rows: Vec<Vec<Option<String>>>,
    mode: &str,
    primary_keys: &[String],
    last_modified_keys: &[String],
    shown: &str,
) -> Result<Table, String> {
    let existing = match (existing, mode) {
        (None, _) | (Some(_), "drop") => {
            check_widths(&rows, columns.len())?;
            return Ok(Table { columns, rows });
        }
        (Some(_), "fail") => {
            return Err(format!(
                "Table {shown} already exists and existing_table_rows is \"fail\""
            ))
        }
        (Some(existing), _) => existing,
    };
    check_widths(&rows, existing.columns.len())?;
    let mut table = existing.clone();
    match mode {
        "truncate" => table.rows = rows,
        "append" => table.rows.extend(rows),
        "upsert" => {
            if primary_keys.is_empty() {
                return Err("an upsert needs primary keys".into());
            }
            let position = |name: &String| {
                table
                    .columns
                    .iter()
                    .position(|(n, _)| n == name)
                    .ok_or_else(|| format!("column {name} is not in {shown}"))
            };
            let keys = primary_keys
                .iter()
                .map(position)
                .collect::<Result<Vec<_>, _>>()?;
            let modified = last_modified_keys
                .iter()
                .map(position)
                .collect::<Result<Vec<_>, _>>()?;
            for row in rows {
                let key: Vec<&Option<String>> = keys.iter().map(|&k| &row[k]).collect();
                let found = table
                    .rows
                    .iter()
                    .position(|old| keys.iter().map(|&k| &old[k]).collect::<Vec<_>>() == key);
                match found {
                    // With last-modified keys, an older row does not replace a newer one.
                    Some(at) => {
                        let newer = modified.iter().all(|&m| row[m] >= table.rows[at][m]);
                        if newer {
                            table.rows[at] = row;
                        }
                    }
                    None => table.rows.push(row),
                }
            }
        }
        other => return Err(format!("unknown existing_table_rows \"{other}\"")),
    }
    Ok(table)
}

fn check_widths(rows: &[Vec<Option<String>>], width: usize) -> Result<(), String> {
    match rows.iter().position(|row| row.len() != width) {
        Some(at) => Err(format!(
            "row {} has {} values, but the table has {width} columns",
            at + 1,
            rows[at].len()
        )),
        None => Ok(()),
    }
}

/// A preprocess job's work: the file cleaned (decompressed) into a new file whose
/// `detectedInfo` tells its header, delimiter, compression and, when asked, column types.
fn preprocess(body: &Map<String, Value>, store: &Store) -> Result<Vec<(String, i64)>, String> {
    let source = body
        .get("file_id")
        .and_then(Value::as_i64)
        .unwrap_or_default();
    let bytes = read_plain(store, source)?;
    let delimiter = match body.get("column_delimiter").and_then(Value::as_str) {
        Some(name) => delimiter_char(name)?,
        None => detect_delimiter(&bytes),
    };
    let records = parse(&bytes, delimiter).map_err(|e| format!("file {source} is not CSV: {e}"))?;
    let header = match body.get("include_header").and_then(Value::as_bool) {
        Some(header) => header,
        None => looks_like_header(&records),
    };
    let (names, rows) = split_header(records, header);
    let mut info = json!({
        "includeHeader": header,
        "columnDelimiter": delimiter_name(delimiter),
        "compression": "none",
    });
    if body.get("detect_table_columns").and_then(Value::as_bool) == Some(true) {
        let columns: Vec<Value> = detect_types(&names, &rows)
            .into_iter()
            .map(|(name, sql_type)| json!({"name": name, "sqlType": sql_type}))
            .collect();
        info["tableColumns"] = Value::Array(columns);
    }
    let name = format!("cleaned_{source}.csv");
    let id = store
        .put_with(&name, |file| file.write_all(&bytes))
        .map_err(|e| format!("the mock could not store the cleaned file: {e}"))?;
    store.set_meta(id, "detectedInfo", info);
    Ok(vec![(name, id)])
}

/// The bytes of stored file `id`, decompressed when they are gzip.
fn read_plain(store: &Store, id: i64) -> Result<Vec<u8>, String> {
    let path = store
        .stored_path(id)
        .ok_or_else(|| format!("file {id} does not exist"))?;
    let mut file = BufReader::new(File::open(&path).map_err(|e| e.to_string())?);
    let mut raw = Vec::new();
    file.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut plain = Vec::new();
        MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut plain)
            .map_err(|e| format!("file {id} is not valid gzip: {e}"))?;
        return Ok(plain);
    }
    Ok(raw)
}

/// The column names (from the header, or `column_1`, ...) and rows of stored file `id`.
#[allow(clippy::type_complexity)]
fn read_csv(
    store: &Store,
    id: i64,
    delimiter: u8,
    header: bool,
) -> Result<(Vec<String>, Vec<Vec<Option<String>>>), String> {
    let bytes = read_plain(store, id)?;
    let records = parse(&bytes, delimiter).map_err(|e| format!("file {id} is not CSV: {e}"))?;
    Ok(split_header(records, header))
}

fn parse(bytes: &[u8], delimiter: u8) -> Result<Vec<Vec<String>>, csv::Error> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(bytes)
        .records()
        .map(|record| record.map(|r| r.iter().map(str::to_string).collect()))
        .collect()
}

/// The header's names (or `column_1`, ...) and the rows, an empty field read as `NULL`, as
/// Redshift's `COPY ... CSV` reads an empty unquoted field.
#[allow(clippy::type_complexity)]
fn split_header(
    mut records: Vec<Vec<String>>,
    header: bool,
) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let names = if header && !records.is_empty() {
        records.remove(0)
    } else {
        let width = records.first().map_or(0, Vec::len);
        (1..=width).map(|i| format!("column_{i}")).collect()
    };
    let rows = records
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|v| (!v.is_empty()).then_some(v))
                .collect()
        })
        .collect();
    (names, rows)
}

/// A first row is a header when it has no number where a later row has one, or when it is
/// the only row.
fn looks_like_header(records: &[Vec<String>]) -> bool {
    let Some(first) = records.first() else {
        return false;
    };
    let numeric = |v: &str| v.parse::<f64>().is_ok();
    if first.iter().any(|v| numeric(v)) {
        return false;
    }
    records.len() == 1
        || records[1..]
            .iter()
            .any(|row| row.iter().any(|v| numeric(v)))
        || records[1..].iter().any(|row| row != first)
}

fn detect_delimiter(bytes: &[u8]) -> u8 {
    let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    [b',', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',')
}

/// Column types as the platform would detect them: `BIGINT`, `DOUBLE PRECISION`, `BOOLEAN`,
/// else `VARCHAR(n)` wide enough for the longest value (in bytes).
fn detect_types(names: &[String], rows: &[Vec<Option<String>>]) -> Vec<(String, String)> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let values: Vec<&str> = rows
                .iter()
                .filter_map(|row| row.get(i).and_then(|v| v.as_deref()))
                .collect();
            let all = |test: fn(&str) -> bool| !values.is_empty() && values.iter().all(|v| test(v));
            let sql_type = if all(|v| v.parse::<i64>().is_ok()) {
                "BIGINT".to_string()
            } else if all(|v| v.parse::<f64>().is_ok()) {
                "DOUBLE PRECISION".to_string()
            } else if all(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "false")) {
                "BOOLEAN".to_string()
            } else {
                let longest = values.iter().map(|v| v.len()).max().unwrap_or(0);
                format!("VARCHAR({})", longest.max(1).next_power_of_two().max(256))
            };
            (name.clone(), sql_type)
        })
        .collect()
}

fn delimiter_char(name: &str) -> Result<u8, String> {
    match name {
        "comma" | "," => Ok(b','),
        "tab" | "\t" => Ok(b'\t'),
        "pipe" | "|" => Ok(b'|'),
        other => Err(format!("unknown column_delimiter \"{other}\"")),
    }
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "comma",
    }
}

/// The CSV text of `records`.
fn csv_piece<'r>(
    records: impl Iterator<Item = Vec<&'r str>>,
    delimiter: u8,
) -> io::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for record in records {
        writer.write_record(record)?;
    }
    writer.into_inner().map_err(|e| e.into_error())
}

/// Writes the CSV of `rows` (after the header, when asked) to `file` compressed as
/// `compression` says: gzip as one member per [`ROWS_PER_MEMBER`] rows, zip as an archive of
/// one entry. Piece by piece, so that a large result is never all in memory as text.
fn write_csv(
    file: &mut File,
    columns: &[String],
    rows: &[Vec<Option<String>>],
    header: bool,
    delimiter: u8,
    compression: &str,
) -> io::Result<()> {
    let header = header.then(|| columns.iter().map(String::as_str).collect::<Vec<_>>());
    let pieces = header
        .into_iter()
        .map(|h| csv_piece(std::iter::once(h), delimiter))
        .chain(rows.chunks(ROWS_PER_MEMBER).map(|chunk| {
            let records = chunk
                .iter()
                .map(|row| row.iter().map(|v| v.as_deref().unwrap_or("")).collect());
            csv_piece(records, delimiter)
        }));
    match compression {
        "gzip" => {
            for piece in pieces {
                let mut member = GzEncoder::new(&mut *file, flate2::Compression::fast());
                member.write_all(&piece?)?;
                member.finish()?;
            }
        }
        "zip" => {
            let mut zip = zip::ZipWriter::new(&mut *file);
            zip.start_file("export.csv", zip::write::SimpleFileOptions::default())
                .map_err(io::Error::other)?;
            for piece in pieces {
                zip.write_all(&piece?)?;
            }
            zip.finish().map_err(io::Error::other)?;
        }
        _ => {
            for piece in pieces {
                file.write_all(&piece?)?;
            }
        }
    }
    Ok(())
}

fn describe_table(key: &(i64, String, String), table: &Table) -> Value {
    let columns: Vec<Value> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, (name, sql_type))| json!({"name": name, "sqlType": sql_type, "ordering": i + 1}))
        .collect();
    json!({
        "id": key.0 * 1000 + 1,
        "databaseId": key.0,
        "schema": key.1,
        "name": key.2,
        "rowCount": table.rows.len(),
        "columnCount": table.columns.len(),
        "columns": columns,
    })
}

/// `GET /queries/{id}`: the query, with its state, and its preview rows once it succeeded.
fn query_answer(
    query: i64,
    outcome: &Outcome,
    preview: usize,
    run_id: i64,
    made: &Value,
    jobs: &Jobs,
) -> Scripted {
    let (state, over) = jobs.peek(query, run_id).unwrap_or(("queued", false));
    let mut answer = made.clone();
    answer["id"] = json!(query);
    answer["state"] = json!(state);
    answer["lastRunId"] = json!(run_id);
    answer["resultColumns"] = Value::Null;
    answer["resultRows"] = Value::Null;
    answer["error"] = Value::Null;
    match outcome {
        Outcome::Rows(rows) if over && state == "succeeded" => {
            answer["resultColumns"] = json!(rows.columns);
            answer["resultRows"] = json!(rows.rows.iter().take(preview).collect::<Vec<_>>());
        }
        Outcome::Fails(error) if over => {
            answer["error"] = json!(error);
            answer["exception"] = json!(error);
        }
        _ => {}
    }
    Scripted::json(200, answer.to_string())
}

fn not_found(message: &str) -> Scripted {
    let body = json!({"error": "not_found", "errorDescription": message, "code": 404});
    Scripted::json(404, body.to_string())
}
