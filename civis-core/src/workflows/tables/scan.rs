//! The table scanner: `POST /tables/scan`, civis-r's `refresh_table`. A table made outside the
//! API's sight (by an import, by SQL) is unknown to `GET /tables` until the scanner has run on
//! it, so typed reads of it fall back to inference until then.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::TableColumn;
use crate::data::error::Error;
use crate::data::names::{split_schema_tablename, NameOrId};
use crate::transport::client::Client;
use crate::workflows::runs::Run;

/// The longest wait for a scan's run: [`Client::scan_table`] (and an import's scan) fails with
/// [`Error::WaitTimeout`] after it, leaving the scan going on the platform. A scan reads one
/// table's catalogue entry, not its rows, so it ends in seconds; 15 minutes is for a busy
/// platform's queue.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::tables::SCAN_TIMEOUT.as_secs(), 15 * 60);
/// ```
pub const SCAN_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// A table as the API knows it after a scan: its id (`GET /tables/{id}`) and its columns with
/// their SQL types, in order.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let table = client.scan_table("redshift-general", "scratch.fresh")?;
/// println!("table {} has {} columns", table.id, table.columns.len());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScannedTable {
    /// The table's id (`GET /tables/{id}`).
    pub id: i64,
    /// The database's id.
    pub database_id: i64,
    /// Its schema.
    pub schema: String,
    /// Its name.
    pub name: String,
    /// Its columns, in order, with their SQL types.
    pub columns: Vec<TableColumn>,
}

/// The table an import's run scans once it succeeds (see
/// [`ImportBuilder::scan`](super::ImportBuilder::scan)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScanAfter {
    pub(crate) database: i64,
    pub(crate) schema: String,
    pub(crate) table: String,
}

/// `POST /tables/scan`'s answer.
#[derive(Deserialize)]
struct ScanStarted {
    #[serde(alias = "jobId")]
    job_id: i64,
    #[serde(alias = "runId")]
    run_id: i64,
}

/// `GET /tables`'s entries, the part needed.
#[derive(Deserialize)]
struct Listed {
    id: i64,
}

/// `GET /tables/{id}`, the part needed.
#[derive(Deserialize)]
struct Described {
    #[serde(default)]
    columns: Vec<TableColumn>,
}

impl Client {
    /// Scans `table` (`"schema.table"`) of `database` (name or id) so that the API knows it
    /// and its column types (`POST /tables/scan`, its run waited on, then `GET /tables` and
    /// `GET /tables/{id}`): civis-r's `refresh_table`. A table made by SQL or by an import
    /// with [`scan(false)`](super::ImportBuilder::scan) is unknown to the API, and so read
    /// with inferred types, until it is scanned.
    ///
    /// The run is polled on the client's polling and waited on for [`SCAN_TIMEOUT`] at most
    /// ([`Error::WaitTimeout`] then; the scan goes on). No such table: the scan's run fails,
    /// [`Error::JobFailed`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.sql("create table scratch.fresh as select 1 as id", "redshift-general").to_csv("/dev/null")?;
    /// let table = client.scan_table("redshift-general", "scratch.fresh")?;
    /// assert_eq!(table.columns[0].name, "id");
    /// # Ok(()) }
    /// ```
    pub fn scan_table(
        &self,
        database: impl Into<NameOrId>,
        table: &str,
    ) -> Result<ScannedTable, Error> {
        let database = self.get_database_id(database)?;
        let (schema, name) = schema_and_table(table)?;
        self.scan(&ScanAfter {
            database,
            schema,
            table: name,
        })
    }

    /// The scan of a table an import made, once its run has succeeded. A scan that fails
    /// leaves the table unknown to the API, so typed reads infer its types: a warning, not the
    /// import's failure, since the rows are in the table.
    pub(crate) fn scan_made_table(&self, target: &ScanAfter) {
        if let Err(error) = self.scan(target) {
            log::warn!(
                "the import into {}.{} succeeded, but its scan failed ({error}): the API does not know the table's column types until client.scan_table(..) succeeds",
                target.schema,
                target.table
            );
        }
    }

    /// The scan of [`scan_table`](Client::scan_table), of a database given by id.
    pub(crate) fn scan(&self, target: &ScanAfter) -> Result<ScannedTable, Error> {
        let ScanAfter {
            database,
            schema,
            table,
        } = target;
        let started: ScanStarted = self.send_json(
            "POST",
            "/tables/scan",
            json!({
                "database_id": database,
                "schema": schema,
                "table_name": table,
                // The API's default: column statistics at the next full scan, not now.
                "stats_priority": "flag",
            }),
        )?;
        log::info!(
            "scanning {schema}.{table} on database {database} (job {} run {})",
            started.job_id,
            started.run_id
        );
        Run::started(self, started.job_id, started.run_id).wait_timeout(SCAN_TIMEOUT)?;
        // Not the memoised `get_table_id`: a table dropped and made again has a new id.
        let listed: Vec<Listed> = self.get_json(
            "/tables",
            &[
                ("database_id", json!(database)),
                ("schema", json!(schema)),
                ("name", json!(table)),
            ],
        )?;
        let id = listed.first().map(|t| t.id).ok_or_else(|| {
            Error::NotFound(format!(
                "the scan of {schema}.{table} on database {database} succeeded, but GET /tables does not list it"
            ))
        })?;
        let described: Described = self.get_json(&format!("/tables/{id}"), &[])?;
        Ok(ScannedTable {
            id,
            database_id: *database,
            schema: schema.clone(),
            name: table.clone(),
            columns: described.columns,
        })
    }
}

/// The schema and table of `"schema.table"`; no schema is a usage error, as for imports.
pub(crate) fn schema_and_table(table: &str) -> Result<(String, String), Error> {
    match split_schema_tablename(table)? {
        (Some(schema), name) => Ok((schema, name)),
        (None, _) => Err(Error::Usage(format!(
            "the table {table:?} has no schema: give it as \"schema.table\""
        ))),
    }
}
