//! `import_csv` and `import_files`: civis-python's `csv_to_civis` and `civis_file_to_table`.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};

use super::cleaning::{agree, CleanedFile};
use super::frame_import::{upload_frame, FrameSource};
use super::scan::ScanAfter;
use super::{Execution, ExistingRows, TableColumn};
use crate::data::error::Error;
use crate::data::names::{split_schema_tablename, NameOrId};
use crate::transport::client::Client;
use crate::transport::polling::Polling;
use crate::transport::request::percent_encode;
use crate::workflows::csv::delimiter_name;
use crate::workflows::runs::{Run, RunSet};

/// An import of CSV files into a table, being prepared: [`Client::import_csv`] (a local file,
/// uploaded first) or [`Client::import_files`] (Civis files). [`send`](Self::send) follows
/// civis-python's sequence: upload; `GET /databases/{db}/schemas/{s}/tables/{t}` (404: a new
/// table); for each file a preprocess job (`POST /files/preprocess/csv`, run and waited on),
/// which cleans the file and, for a new or dropped table, detects its columns; then the import
/// job (`POST /imports/files/csv`) and its run, returned without waiting. When the import
/// creates the table, the wait on that run scans it after the import succeeds
/// ([`scan`](Self::scan)), so that the API knows its column types.
///
/// Defaults: existing rows [`Fail`](ExistingRows::Fail); the header and delimiter as the
/// preprocess job detects them (`import_csv` starts from `,`, as `csv_to_civis` does); the
/// columns as detected; hidden; the user's default database credential; the preprocess jobs
/// waited on as long as they run (bound it with [`timeout`](Self::timeout)).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// use civis::{tables::ExistingRows, tables::TableColumn};
/// let run = client
///     .import_csv("people.csv", "redshift-general", "crm.people")
///     .existing_rows(ExistingRows::Upsert)
///     .primary_keys(["id"])
///     .last_modified_keys(["updated_at"])
///     .table_columns([TableColumn::new("id", "INTEGER"), TableColumn::new("name", "VARCHAR(256)"), TableColumn::new("updated_at", "TIMESTAMP")])
///     .send()?;
/// run.wait()?;
/// # Ok(()) }
/// ```
#[must_use = "an import does nothing until .send()"]
pub struct ImportBuilder<'c> {
    client: &'c Client,
    source: Source<'c>,
    database: NameOrId,
    table: String,
    existing_rows: ExistingRows,
    header: Option<bool>,
    delimiter: Option<char>,
    primary_keys: Vec<String>,
    last_modified_keys: Vec<String>,
    table_columns: Option<Vec<TableColumn>>,
    distkey: Option<String>,
    sortkeys: Vec<String>,
    diststyle: Option<String>,
    credential: Option<i64>,
    max_errors: Option<i64>,
    escaped: bool,
    execution: Execution,
    hidden: bool,
    polling: Option<Polling>,
    timeout: Option<Duration>,
    scan: bool,
}

enum Source<'c> {
    Path(PathBuf),
    Files(Vec<i64>),
    /// A frame, written as gzipped CSV while it uploads (features `arrow`, `polars`).
    #[cfg_attr(not(any(feature = "arrow", feature = "polars")), allow(dead_code))]
    Frame(Box<dyn FrameSource + 'c>),
}

impl fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Path(path) => f.debug_tuple("Path").field(path).finish(),
            Self::Files(ids) => f.debug_tuple("Files").field(ids).finish(),
            Self::Frame(_) => f.write_str("Frame"),
        }
    }
}

impl fmt::Debug for ImportBuilder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportBuilder")
            .field("source", &self.source)
            .field("database", &self.database)
            .field("table", &self.table)
            .field("existing_rows", &self.existing_rows)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Imports the local CSV file `path` into `table` (`"schema.table"`) of `database` (name or
    /// id): civis-python's `csv_to_civis`. The file is uploaded, then imported as
    /// [`import_files`](Client::import_files) imports it. See [`ImportBuilder`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.import_csv("in.csv", "redshift-general", "scratch.incoming").send()?;
    /// run.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn import_csv(
        &self,
        path: impl Into<PathBuf>,
        database: impl Into<NameOrId>,
        table: &str,
    ) -> ImportBuilder<'_> {
        let mut builder = ImportBuilder::new(self, Source::Path(path.into()), database, table);
        builder.delimiter = Some(',');
        builder
    }

    /// Imports the Civis files `file_ids` (CSV, plain or gzipped, all with the same columns)
    /// into `table` of `database`: civis-python's `civis_file_to_table`. See
    /// [`ImportBuilder`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_files(&[101, 102], 32, "scratch.parts").send()?.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn import_files(
        &self,
        file_ids: &[i64],
        database: impl Into<NameOrId>,
        table: &str,
    ) -> ImportBuilder<'_> {
        ImportBuilder::new(self, Source::Files(file_ids.to_vec()), database, table)
    }
}

/// The files an import reads and how: what the preprocess jobs, or a frame's upload, leave.
struct Prepared {
    file_ids: Vec<i64>,
    /// As detected; `None` (sent as `null`) when a preprocess job did not say.
    header: Option<bool>,
    delimiter: Option<String>,
    compression: Option<String>,
    table_columns: Option<Vec<TableColumn>>,
    /// The import's `loosen_types`.
    loosen_types: bool,
}

impl<'c> ImportBuilder<'c> {
    /// An import of a frame into `table`, its columns declared from the frame.
    #[cfg_attr(not(any(feature = "arrow", feature = "polars")), allow(dead_code))]
    pub(crate) fn from_frame(
        client: &'c Client,
        frame: Box<dyn FrameSource + 'c>,
        database: impl Into<NameOrId>,
        table: &str,
    ) -> Self {
        Self::new(client, Source::Frame(frame), database, table)
    }

    fn new(
        client: &'c Client,
        source: Source<'c>,
        database: impl Into<NameOrId>,
        table: &str,
    ) -> Self {
        Self {
            client,
            source,
            database: database.into(),
            table: table.to_string(),
            existing_rows: ExistingRows::Fail,
            header: None,
            delimiter: None,
            primary_keys: Vec::new(),
            last_modified_keys: Vec::new(),
            table_columns: None,
            distkey: None,
            sortkeys: Vec::new(),
            diststyle: None,
            credential: None,
            max_errors: None,
            escaped: false,
            execution: Execution::Immediate,
            hidden: true,
            polling: None,
            timeout: None,
            scan: true,
        }
    }

    /// What to do when the table exists (default: [`ExistingRows::Fail`]).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").existing_rows(civis::tables::ExistingRows::Truncate).send()?;
    /// # Ok(()) }
    /// ```
    pub fn existing_rows(mut self, existing_rows: ExistingRows) -> Self {
        self.existing_rows = existing_rows;
        self
    }

    /// Whether the files' first row is a header (default: as detected).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("no_header.csv", 32, "s.t").header(false).send()?;
    /// # Ok(()) }
    /// ```
    pub fn header(mut self, header: bool) -> Self {
        self.header = Some(header);
        self
    }

    /// The files' delimiter: `,`, `'\t'` or `|` (default: `,` for `import_csv`, as detected for
    /// `import_files`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.tsv", 32, "s.t").delimiter('\t').send()?;
    /// # Ok(()) }
    /// ```
    pub fn delimiter(mut self, delimiter: char) -> Self {
        self.delimiter = Some(delimiter);
        self
    }

    /// The table's primary keys (needed by [`ExistingRows::Upsert`]).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").existing_rows(civis::tables::ExistingRows::Upsert).primary_keys(["id"]).send()?;
    /// # Ok(()) }
    /// ```
    pub fn primary_keys<S: Into<String>>(mut self, keys: impl IntoIterator<Item = S>) -> Self {
        self.primary_keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// The columns that say when a row last changed: an upsert keeps the newer row.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").last_modified_keys(["updated_at"]).send()?;
    /// # Ok(()) }
    /// ```
    pub fn last_modified_keys<S: Into<String>>(
        mut self,
        keys: impl IntoIterator<Item = S>,
    ) -> Self {
        self.last_modified_keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// The columns of a table to create, instead of those the preprocess job detects. Columns
    /// made with [`TableColumn::named`] (names without types) leave the types to detection, as
    /// civis-python's `table_columns` without `sql_type` do; a mix of typed and untyped columns
    /// is a usage error.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use civis::tables::TableColumn;
    /// client.import_csv("in.csv", 32, "s.t").table_columns([TableColumn::new("id", "BIGINT")]).send()?;
    /// # Ok(()) }
    /// ```
    pub fn table_columns(mut self, columns: impl IntoIterator<Item = TableColumn>) -> Self {
        self.table_columns = Some(columns.into_iter().collect());
        self
    }

    /// Redshift's distribution key of a table to create.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").distkey("id").diststyle("key").sortkeys(["created_at"]).send()?;
    /// # Ok(()) }
    /// ```
    pub fn distkey(mut self, column: impl Into<String>) -> Self {
        self.distkey = Some(column.into());
        self
    }

    /// Redshift's sort keys of a table to create (civis-python's `sortkey1`, `sortkey2`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").sortkeys(["day", "id"]).send()?;
    /// # Ok(()) }
    /// ```
    pub fn sortkeys<S: Into<String>>(mut self, columns: impl IntoIterator<Item = S>) -> Self {
        self.sortkeys = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Redshift's distribution style of a table to create (`even`, `all`, `key`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").diststyle("even").send()?;
    /// # Ok(()) }
    /// ```
    pub fn diststyle(mut self, style: impl Into<String>) -> Self {
        self.diststyle = Some(style.into());
        self
    }

    /// The database credential to import as (default: the user's default database
    /// credential).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").credential(1234).send()?;
    /// # Ok(()) }
    /// ```
    pub fn credential(mut self, credential_id: i64) -> Self {
        self.credential = Some(credential_id);
        self
    }

    /// How many bad rows the import tolerates before it fails.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").max_errors(10).send()?;
    /// # Ok(()) }
    /// ```
    pub fn max_errors(mut self, max_errors: i64) -> Self {
        self.max_errors = Some(max_errors);
        self
    }

    /// Whether the files escape quotes with a backslash (default: no).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").escaped(true).send()?;
    /// # Ok(()) }
    /// ```
    pub fn escaped(mut self, escaped: bool) -> Self {
        self.escaped = escaped;
        self
    }

    /// When the rows reach the table (default: [`Execution::Immediate`]);
    /// [`Execution::Delayed`] lets several imports into one table (upserts, say) run at once.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use civis::tables::{Execution, ExistingRows};
    /// client.import_csv("in.csv", 32, "s.t")
    ///     .existing_rows(ExistingRows::Upsert)
    ///     .primary_keys(["id"])
    ///     .execution(Execution::Delayed)
    ///     .send()?;
    /// # Ok(()) }
    /// ```
    pub fn execution(mut self, execution: Execution) -> Self {
        self.execution = execution;
        self
    }

    /// Whether the preprocess and import jobs are hidden from the user's lists (default:
    /// yes).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.import_csv("in.csv", 32, "s.t").hidden(false).send()?;
    /// # Ok(()) }
    /// ```
    pub fn hidden(mut self, hidden: bool) -> Self {
        self.hidden = hidden;
        self
    }

    /// How the preprocess runs and the returned import run are polled (default: the
    /// client's).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// client.import_csv("in.csv", 32, "s.t").polling(civis::runs::Polling::every(Duration::from_secs(3))).send()?;
    /// # Ok(()) }
    /// ```
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = Some(polling);
        self
    }

    /// Whether an import that creates the table (a new table, or one dropped with
    /// [`ExistingRows::Drop`]) scans it once its run succeeds (default: yes), so that the API
    /// knows its columns and a typed read right after the import is typed rather than
    /// inferred. The scan ([`Client::scan_table`]) runs inside the wait on the returned run
    /// ([`Run::wait`], [`Run::wait_timeout`], a [`RunSet`]), after the import succeeded, and
    /// is waited on for [`SCAN_TIMEOUT`](super::SCAN_TIMEOUT) at most; a scan that fails is a
    /// warning in the log, not an error of the import, whose rows are in the table. An import
    /// into a table that exists (append, truncate, upsert) keeps its columns and scans nothing.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// // Many imports into new tables, scanned later all at once (or never).
    /// client.import_csv("in.csv", 32, "s.t").scan(false).send()?.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn scan(mut self, scan: bool) -> Self {
        self.scan = scan;
        self
    }

    /// Gives up on the preprocess jobs when they have not all ended `timeout` after the wait
    /// for them began: [`send`](Self::send) then fails with
    /// [`Error::WaitTimeout`](crate::Error::WaitTimeout) naming a run still going, and the
    /// preprocess runs still going are cancelled (they were started for this import alone).
    /// By default there is no bound: the preprocess jobs are waited on as long as they run, as
    /// [`Run::wait`] waits. The returned import run is not waited on by `send`; bound its wait
    /// with [`Run::wait_timeout`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// let run = client.import_csv("in.csv", 32, "s.t").timeout(Duration::from_secs(1800)).send()?;
    /// run.wait_timeout(Duration::from_secs(3600))?;
    /// # Ok(()) }
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Uploads (for `import_csv`), preprocesses, and starts the import; returns the import's
    /// run, not yet waited on. A failed preprocess run is
    /// [`Error::JobFailed`](crate::Error::JobFailed); so is, from `run.wait()`, a failed
    /// import (a table that exists with [`ExistingRows::Fail`], rows that do not fit).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.import_csv("in.csv", 32, "s.t").send()?;
    /// let finished = run.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn send(mut self) -> Result<Run, Error> {
        let (schema, table) = match split_schema_tablename(&self.table)? {
            (Some(schema), table) => (schema, table),
            (None, _) => {
                return Err(Error::Usage(format!(
                    "the table {:?} has no schema: give it as \"schema.table\"",
                    self.table
                )))
            }
        };
        if self.existing_rows == ExistingRows::Upsert && self.primary_keys.is_empty() {
            return Err(Error::Usage(
                "an upsert needs the table's primary keys: add .primary_keys([..])".into(),
            ));
        }
        let types_given = self.types_given()?;
        let delimiter = self.delimiter.map(delimiter_name).transpose()?;
        let client = self.client;
        let database = client.get_database_id(self.database.clone())?;
        let credential = match self.credential {
            Some(id) => Some(id),
            None => client.default_database_credential_id()?,
        };
        // civis-python's order: the upload, then the table's existence.
        let (file_ids, frame) = match std::mem::replace(&mut self.source, Source::Files(Vec::new()))
        {
            Source::Path(path) => (vec![client.upload_file(&path).send()?], None),
            Source::Files(ids) if ids.is_empty() => {
                return Err(Error::Usage("an import needs at least one file".into()))
            }
            Source::Files(ids) => (ids, None),
            Source::Frame(frame) => (Vec::new(), Some(frame)),
        };
        let exists = self.table_exists(database, &schema, &table);
        // civis-python's `need_table_columns`: the preprocess jobs detect the columns of a table
        // to create when the caller did not type them.
        let need_columns = (!exists || self.existing_rows == ExistingRows::Drop) && !types_given;
        let prepared = match frame {
            None => self.preprocess(file_ids, delimiter, need_columns)?,
            Some(mut frame) => {
                let name = format!("{schema}.{table}");
                let (file_ids, declared) = upload_frame(client, frame.as_mut(), &name)?;
                Prepared {
                    file_ids,
                    header: Some(true),
                    delimiter: Some("comma".into()),
                    compression: Some("gzip".into()),
                    // A table that exists keeps its columns, unless it is dropped.
                    table_columns: if need_columns {
                        Some(declared)
                    } else {
                        self.table_columns.clone()
                    },
                    loosen_types: false,
                }
            }
        };
        // Every keyword civis-python's `civis_file_to_table` passes, sent as it sends them:
        // what the caller left out is `null`, and the sort keys are always two.
        let mut sortkeys: Vec<Option<&str>> =
            self.sortkeys.iter().map(|k| Some(k.as_str())).collect();
        if sortkeys.len() < 2 {
            sortkeys.resize(2, None);
        }
        let keys = |keys: &[String]| (!keys.is_empty()).then(|| keys.to_vec());
        let body = json!({
            "name": format!("CSV import to {schema}.{table}"),
            "source": {"file_ids": prepared.file_ids},
            "destination": {
                "schema": schema,
                "table": table,
                "remote_host_id": database,
                "credential_id": credential,
                "primary_keys": keys(&self.primary_keys),
                "last_modified_keys": keys(&self.last_modified_keys),
            },
            "first_row_is_header": prepared.header,
            "column_delimiter": prepared.delimiter,
            "compression": prepared.compression,
            "escaped": self.escaped,
            "existing_table_rows": self.existing_rows.as_api(),
            "max_errors": self.max_errors,
            "table_columns": prepared.table_columns,
            // civis-python (`civis_file_to_table`) sends `loosen_types=need_table_columns`: true
            // exactly when the preprocess jobs detected the columns, so that the API may widen
            // detected lengths and precisions where values need more, whatever the number of
            // files; so does this client. Declared columns (a frame's) are never loosened.
            "loosen_types": prepared.loosen_types,
            "execution": self.execution.as_api(),
            "redshift_destination_options": {
                "distkey": self.distkey,
                "sortkeys": sortkeys,
                "diststyle": self.diststyle,
            },
            "hidden": self.hidden,
        });
        let import = client.post_for_id("/imports/files/csv", body)?;
        let run = self.polled(client.run_job(import)?);
        // The table is made by this import: the API learns of it only from a scan.
        let creates = !exists || self.existing_rows == ExistingRows::Drop;
        if !(self.scan && creates) {
            return Ok(run);
        }
        let scanner = client.clone();
        let target = ScanAfter {
            database,
            schema,
            table,
        };
        Ok(run.after_success(move || scanner.scan_made_table(&target)))
    }

    /// Whether the caller gave every column a type (civis-python's `sql_types_provided`);
    /// some typed and some not is a usage error, before any request.
    fn types_given(&self) -> Result<bool, Error> {
        let Some(columns) = &self.table_columns else {
            return Ok(false);
        };
        let typed = columns.iter().filter(|c| c.has_type()).count();
        match typed {
            0 => Ok(false),
            n if n == columns.len() => Ok(true),
            _ => Err(Error::Usage(
                "some table columns have a SQL type and others do not: give every column a type (TableColumn::new) or none (TableColumn::named)".into(),
            )),
        }
    }

    /// For each file a preprocess job (`POST /files/preprocess/csv`, run and waited on), which
    /// cleans it and, when `need_columns`, detects its columns; then what the files found,
    /// checked to agree ([`agree`]).
    fn preprocess(
        &self,
        file_ids: Vec<i64>,
        delimiter: Option<&'static str>,
        need_columns: bool,
    ) -> Result<Prepared, Error> {
        let client = self.client;
        // Every file's preprocess job runs at once; then each is waited on, as civis-python's
        // futures are.
        let mut cleaning = Vec::with_capacity(file_ids.len());
        for file_id in &file_ids {
            let body = json!({
                "file_id": file_id,
                "in_place": false,
                "detect_table_columns": need_columns,
                "force_character_set_conversion": true,
                "include_header": self.header,
                "column_delimiter": delimiter,
                "hidden": self.hidden,
            });
            let job = client.post_for_id("/files/preprocess/csv", body)?;
            cleaning.push(self.polled(client.run_job(job)?));
        }
        let mut waiting = RunSet::new(cleaning.iter().cloned());
        if let Some(timeout) = self.timeout {
            waiting = waiting.timeout(timeout);
        }
        for done in waiting.as_completed() {
            if let Err(error) = done.outcome {
                if matches!(error, Error::WaitTimeout { .. }) {
                    for run in &cleaning {
                        if let Err(failed) = run.request_cancel() {
                            log::warn!(
                                "preprocess job {} run {} could not be cancelled: {failed}",
                                run.job_id(),
                                run.run_id()
                            );
                        }
                    }
                }
                return Err(error);
            }
        }
        let mut files = Vec::with_capacity(cleaning.len());
        let mut no_output = Vec::new();
        for run in cleaning {
            let cleaned = run
                .outputs()?
                .into_iter()
                .find(|output| output.object_type == "File")
                .map(|output| output.object_id);
            match cleaned {
                Some(id) => {
                    files.push(client.get_json::<CleanedFile>(&format!("/files/{id}"), &[])?)
                }
                None => no_output.push(format!("\tjob {} run {}", run.job_id(), run.run_id())),
            }
        }
        if !no_output.is_empty() {
            return Err(Error::Import(format!(
                "No CSV preprocess output found for these runs:\n{}",
                no_output.join("\n")
            )));
        }
        let agreed = agree(&files, self.header, delimiter, need_columns)?;
        Ok(Prepared {
            file_ids: files.iter().map(|f| f.id).collect(),
            header: agreed.header,
            delimiter: agreed.delimiter,
            compression: agreed.compression,
            table_columns: if need_columns {
                agreed.table_columns
            } else {
                self.table_columns.clone()
            },
            loosen_types: need_columns,
        })
    }

    fn polled(&self, run: Run) -> Run {
        match self.polling {
            Some(polling) => run.polling(polling),
            None => run,
        }
    }

    /// Whether `schema.table` exists (`GET /databases/{db}/schemas/{s}/tables/{t}`: 404 means
    /// no). Another failure is a warning and the table is taken not to exist, as civis-python
    /// takes it: the import job itself then says whether it can go on.
    fn table_exists(&self, database: i64, schema: &str, table: &str) -> bool {
        let path = format!(
            "/databases/{database}/schemas/{}/tables/{}",
            percent_encode(schema),
            percent_encode(table)
        );
        match self.client.get_json::<Value>(&path, &[]) {
            Ok(_) => true,
            Err(Error::Api { status: 404, .. }) => false,
            Err(other) => {
                log::warn!(
                    "could not check whether table {schema}.{table} exists on database {database} ({other}): importing as into a new table"
                );
                false
            }
        }
    }
}
