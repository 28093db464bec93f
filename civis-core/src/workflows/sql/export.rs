//! The export every ending but `preview` starts from: a SQL script with `csv_settings`, one run
//! of it waited on with [`Run`], and the file it left.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

use super::{delimiter_name, Compression, SqlBuilder};
use crate::data::error::Error;
use crate::data::response::Response;
use crate::data::run_state::from_job_run;
use crate::workflows::runs::Run;

/// What an export left in Civis, in full: [`SqlBuilder::to_civis_file_output`], as
/// civis-python's `export_to_civis_file(..).result()` gives it (the run, whose
/// `output[0]` has the file's id, name and path).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let output = client.sql("select * from t", 32).to_civis_file_output()?;
/// println!("{} is file {} ({})", output.output_name, output.file_id, output.path);
/// assert_eq!(output.run.get("output").unwrap()[0]["file_id"], output.file_id);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ExportOutput {
    /// The export's SQL script (its job id).
    pub script_id: i64,
    /// The run of it that exported.
    pub run_id: i64,
    /// The Civis file the export left (`output[0].file_id`).
    pub file_id: i64,
    /// Its name (`output[0].output_name`).
    pub output_name: String,
    /// A URL to download it while it lasts (`output[0].path`).
    pub path: String,
    /// The finished run as `GET /scripts/sql/{id}/runs/{run_id}` answers it, snake_case.
    pub run: Response,
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
        self.check()?;
        let delimiter = delimiter_name(self.delimiter)?;
        // The one place the kinds of SQL differ: given here, or a saved script's.
        let source = self.export_source()?;
        // The fields civis-python's `civis_to_csv` and `civis_to_multifile_csv` send
        // (`max_file_size` with the latter only); `csv_setting(..)` goes over them.
        let mut csv_settings = json!({
            "include_header": self.header,
            "compression": compression.as_api(),
            "column_delimiter": delimiter,
            "unquoted": self.unquoted,
            "filename_prefix": self.filename_prefix,
            "force_multifile": multifile,
        });
        if multifile {
            csv_settings["max_file_size"] = json!(self.max_file_size);
        }
        if let Value::Object(settings) = &mut csv_settings {
            settings.extend(self.csv_settings.clone());
        }
        let as_saved = source
            .as_saved
            .as_ref()
            .filter(|(_, saved)| same_csv_settings(saved, &csv_settings))
            .map(|(id, _)| *id);
        if let Some(script) = as_saved {
            // Nothing to override: the saved script itself runs, and its run is in its history.
            log::debug!("SQL script {script} runs as saved: its CSV settings are those asked for");
            return self.started_run(script);
        }
        let mut body = json!({
            "name": self.job_name.clone().unwrap_or_else(|| export_name(self.script.as_ref())),
            "remote_host_id": source.database,
            "credential_id": source.credential,
            "sql": source.sql,
            "hidden": self.hidden,
            "csv_settings": csv_settings,
        });
        // `params` and `arguments` only when given, as civis-python's `**sql_params_arguments`.
        if let Value::Object(fields) = &mut body {
            fields.extend(source.params_arguments);
        }
        let script = self.client.post_for_id("/scripts/sql", body)?;
        self.started_run(script)
    }

    /// Starts a run of the SQL script `script` (an export made here, or a saved one).
    fn started_run(&self, script: i64) -> Result<Run, Error> {
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

/// Whether a saved script's `csv_settings` (snake_case or the API's camelCase keys, absent ones
/// at the API's documented defaults) are `wanted`'s, every field of them.
fn same_csv_settings(saved: &Value, wanted: &Value) -> bool {
    let Some(wanted) = wanted.as_object() else {
        return false;
    };
    wanted.iter().all(|(key, want)| {
        let camel = snake_to_camel(key);
        let given = saved
            .get(key)
            .or_else(|| saved.get(&camel))
            .filter(|v| !v.is_null())
            .cloned();
        let default = match key.as_str() {
            "include_header" => json!(true),
            "compression" => json!("gzip"),
            "column_delimiter" => json!("comma"),
            "unquoted" | "force_multifile" => json!(false),
            _ => Value::Null,
        };
        given.unwrap_or(default) == *want
    })
}

fn snake_to_camel(snake: &str) -> String {
    let mut camel = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                camel.extend(c.to_uppercase());
                upper = false;
            }
            c => camel.push(c),
        }
    }
    camel
}

/// What a finished export run left: its first output (`output[0]` of
/// `GET /scripts/sql/{id}/runs/{run_id}`, as civis-python reads it) and the whole answer.
pub(super) fn export_output(run: &Run) -> Result<ExportOutput, Error> {
    let (script, run_id) = (run.job_id(), run.run_id());
    let answer = run
        .client()
        .get_response(&format!("/scripts/sql/{script}/runs/{run_id}"))?;
    let first = answer
        .get("output")
        .and_then(Value::as_array)
        .and_then(|outputs| outputs.iter().find(|o| o["file_id"].is_i64()))
        .cloned();
    let Some(first) = first else {
        // civis-python's EmptyResultError.
        return Err(Error::NotFound(format!(
            "{} the SQL export finished without an output file",
            from_job_run(script, run_id)
        )));
    };
    let text = |key: &str| first[key].as_str().unwrap_or_default().to_string();
    Ok(ExportOutput {
        script_id: script,
        run_id,
        file_id: first["file_id"].as_i64().unwrap_or_default(),
        output_name: text("output_name"),
        path: text("path"),
        run: answer,
    })
}

/// The id of the file a finished export run left.
pub(super) fn output_file(run: &Run) -> Result<i64, Error> {
    export_output(run).map(|output| output.file_id)
}

/// A name for the export script, unique enough for a user's script list (civis-python uses a
/// random UUID); a saved script's run says whose SQL it ran.
fn export_name(script: Option<&super::SavedScript>) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let what = match script {
        Some(script) => format!("run of SQL script {}", script.id),
        None => "SQL export".to_string(),
    };
    format!("civis-rs {what} {:x}-{:x}", nanos, std::process::id())
}
