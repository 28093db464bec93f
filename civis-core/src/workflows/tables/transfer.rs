//! `transfer_table`: civis-python's `transfer_table`, a Dbsync import between databases.

use serde_json::{json, Map, Value};

use super::ExistingRows;
use crate::data::error::Error;
use crate::data::names::NameOrId;
use crate::transport::client::Client;
use crate::transport::polling::Polling;
use crate::workflows::runs::Run;

/// A copy of a table from one database to another, being prepared:
/// [`Client::transfer_table`]. [`send`](Self::send) makes a Dbsync import (`POST /imports`),
/// its sync (`POST /imports/{id}/syncs`) and a run (`POST /imports/{id}/runs`), and returns the
/// run without waiting.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// client
///     .transfer_table("redshift-general", "redshift-research", "public.users", "scratch.users")
///     .existing_rows(civis::tables::ExistingRows::Drop)
///     .send()?
///     .wait()?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a transfer does nothing until .send()"]
pub struct TransferBuilder<'c> {
    client: &'c Client,
    source_db: NameOrId,
    dest_db: NameOrId,
    source_table: String,
    dest_table: String,
    source_credential: Option<i64>,
    dest_credential: Option<i64>,
    advanced: Map<String, Value>,
    name: Option<String>,
    polling: Option<Polling>,
}

impl Client {
    /// Copies `source_table` of `source_db` to `dest_table` of `dest_db` (databases by name or
    /// id, tables as `"schema.table"`): civis-python's `transfer_table`. See
    /// [`TransferBuilder`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.transfer_table(32, 33, "s.src", "s.dest").send()?;
    /// run.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn transfer_table(
        &self,
        source_db: impl Into<NameOrId>,
        dest_db: impl Into<NameOrId>,
        source_table: &str,
        dest_table: &str,
    ) -> TransferBuilder<'_> {
        TransferBuilder {
            client: self,
            source_db: source_db.into(),
            dest_db: dest_db.into(),
            source_table: source_table.to_string(),
            dest_table: dest_table.to_string(),
            source_credential: None,
            dest_credential: None,
            advanced: Map::new(),
            name: None,
            polling: None,
        }
    }
}

impl TransferBuilder<'_> {
    /// What to do when the destination table exists (the sync's `existing_table_rows`; the
    /// API's default is to fail).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.transfer_table(32, 33, "s.a", "s.b").existing_rows(civis::tables::ExistingRows::Append).send()?;
    /// # Ok(()) }
    /// ```
    pub fn existing_rows(self, existing_rows: ExistingRows) -> Self {
        self.option("existing_table_rows", existing_rows.as_api())
    }

    /// One more of the sync's advanced options (civis-python's `**advanced_options`:
    /// `max_errors`, `diststyle`, `distkey`, `sortkey1`, `column_overrides`, ...), by the API's
    /// snake_case name.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.transfer_table(32, 33, "s.a", "s.b").option("max_errors", 10).option("sortkey1", "id").send()?;
    /// # Ok(()) }
    /// ```
    pub fn option(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.advanced.insert(name.to_string(), value.into());
        self
    }

    /// The credential to read the source with (default: the user's default database
    /// credential).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.transfer_table(32, 33, "s.a", "s.b").source_credential(11).dest_credential(12).send()?;
    /// # Ok(()) }
    /// ```
    pub fn source_credential(mut self, credential_id: i64) -> Self {
        self.source_credential = Some(credential_id);
        self
    }

    /// The credential to write the destination with (default: the user's default database
    /// credential).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.transfer_table(32, 33, "s.a", "s.b").dest_credential(12).send()?;
    /// # Ok(()) }
    /// ```
    pub fn dest_credential(mut self, credential_id: i64) -> Self {
        self.dest_credential = Some(credential_id);
        self
    }

    /// The import job's name (default: one naming the two tables; civis-python's is random).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.transfer_table(32, 33, "s.a", "s.b").name("nightly copy").send()?;
    /// # Ok(()) }
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// How the returned run is polled (default: the client's).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// client.transfer_table(32, 33, "s.a", "s.b").polling(civis::runs::Polling::every(Duration::from_secs(10))).send()?;
    /// # Ok(()) }
    /// ```
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = Some(polling);
        self
    }

    /// Makes the import and its sync and starts a run; returns the run, not yet waited on.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let finished = client.transfer_table(32, 33, "s.a", "s.b").send()?.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn send(self) -> Result<Run, Error> {
        let client = self.client;
        let source_db = client.get_database_id(self.source_db.clone())?;
        let dest_db = client.get_database_id(self.dest_db.clone())?;
        let default_credential = || client.default_database_credential_id();
        let source_credential = match self.source_credential {
            Some(id) => Some(id),
            None => default_credential()?,
        };
        let dest_credential = match self.dest_credential {
            Some(id) => Some(id),
            None => default_credential()?,
        };
        let name = self
            .name
            .unwrap_or_else(|| format!("Transfer of {} to {}", self.source_table, self.dest_table));
        let body = json!({
            "name": name,
            "sync_type": "Dbsync",
            "is_outbound": true,
            "source": {"remote_host_id": source_db, "credential_id": source_credential},
            "destination": {"remote_host_id": dest_db, "credential_id": dest_credential},
        });
        let import = client.post_for_id("/imports", body)?;
        let sync = json!({
            "source": {"path": self.source_table},
            "destination": {"path": self.dest_table},
            "advanced_options": self.advanced,
        });
        let _: Value = client.send_json("POST", &format!("/imports/{import}/syncs"), sync)?;
        // This answer names the run `runId`, not `id`.
        let path = format!("/imports/{import}/runs");
        let started: Value = client.send_json("POST", &path, json!({}))?;
        let run_id = started
            .get("runId")
            .or_else(|| started.get("id"))
            .and_then(Value::as_i64)
            .ok_or_else(|| Error::Decode {
                method: "POST".into(),
                path,
                detail: "the answer has no integer `runId`".into(),
                snippet: started.to_string().chars().take(200).collect(),
            })?;
        let run = Run::started(client, import, run_id);
        Ok(match self.polling {
            Some(polling) => run.polling(polling),
            None => run,
        })
    }
}
