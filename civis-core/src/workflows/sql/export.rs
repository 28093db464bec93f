//! The export every ending but `preview` starts from: a SQL script with `csv_settings`, one run
//! of it waited on with [`Run`], and the file it left.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use serde_json::json;

use super::{delimiter_name, Compression, SqlBuilder};
use crate::data::error::Error;
use crate::data::run_state::from_job_run;
use crate::workflows::runs::Run;

/// One entry of a SQL run's `output` (`GET /scripts/sql/{id}/runs/{run_id}`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SqlOutput {
    #[serde(default)]
    file_id: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct SqlRun {
    #[serde(default)]
    output: Option<Vec<SqlOutput>>,
}

impl SqlBuilder<'_> {
    /// Starts the export (`POST /scripts/sql`, `POST /scripts/sql/{id}/runs`) and returns its
    /// run, not waited on; [`output_file`] reads the file it leaves.
    ///
    /// `compression` is what the API is asked for, which need not be what the caller writes:
    /// local endings ask for gzip, the smallest download, and decompress or re-pack locally.
    pub(super) fn start_export(
        &self,
        compression: Compression,
        multifile: bool,
    ) -> Result<Run, Error> {
        let delimiter = delimiter_name(self.delimiter)?;
        let (database, credential) = self.database_and_credential()?;
        let body = json!({
            "name": export_name(),
            "remote_host_id": database,
            "credential_id": credential,
            "sql": self.sql,
            "hidden": self.hidden,
            "csv_settings": {
                "include_header": self.header,
                "compression": compression.as_api(),
                "column_delimiter": delimiter,
                "force_multifile": multifile,
            },
        });
        let script = self.client.post_for_id("/scripts/sql", body)?;
        let run_id = self
            .client
            .post_for_id(&format!("/scripts/sql/{script}/runs"), json!({}))?;
        let mut run = Run::started(self.client, script, run_id);
        if let Some(polling) = self.polling {
            run = run.polling(polling);
        }
        log::info!("{} SQL export started", from_job_run(script, run_id));
        Ok(run)
    }

    /// Runs the export, waits for it and returns the id of the file it left.
    pub(super) fn export_file(
        &self,
        compression: Compression,
        multifile: bool,
    ) -> Result<i64, Error> {
        let run = self.start_export(compression, multifile)?;
        run.wait()?;
        output_file(&run)
    }
}

/// The id of the file a finished export run left: `output[0].fileId` of
/// `GET /scripts/sql/{id}/runs/{run_id}`, as civis-python reads it.
pub(super) fn output_file(run: &Run) -> Result<i64, Error> {
    let (script, run_id) = (run.job_id(), run.run_id());
    let path = format!("/scripts/sql/{script}/runs/{run_id}");
    let finished: SqlRun = run.client().get_json(&path, &[])?;
    finished
        .output
        .unwrap_or_default()
        .into_iter()
        .find_map(|output| output.file_id)
        .ok_or_else(|| {
            // civis-python's EmptyResultError.
            Error::NotFound(format!(
                "{} the SQL export finished without an output file",
                from_job_run(script, run_id)
            ))
        })
}

/// A name for the export script, unique enough for a user's script list (civis-python uses a
/// random UUID).
fn export_name() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("civis-rs SQL export {:x}-{:x}", nanos, std::process::id())
}
