//! The run a program is part of, when it runs inside Civis (`CIVIS_JOB_ID`, `CIVIS_RUN_ID`),
//! and the outputs it hands to the next step of a workflow: civis-r's `write_job_output`.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::data::error::Error;
use crate::transport::client::Client;

use super::run::Run;

/// A run that outputs can be added to: the one this program is part of
/// ([`Client::current_run`]) or one named by its ids ([`Client::run_of`]).
///
/// Outputs are added with `POST /scripts/{kind}/{id}/runs/{run_id}/outputs`, the path of the
/// job's kind of script; the kind is read once, from `GET /jobs/{id}`, on the first output
/// added (container, Python, R, JavaScript and dbt scripts, and custom scripts made from
/// templates, have such a path; other jobs are an [`Error::Usage`] naming the job's type).
/// Each call is one or two requests, retried as the client's requests are; none waits.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// let client = civis::Client::new()?;
/// if let Some(run) = client.current_run() {
///     run.add_output_path("report.csv")?;
///     run.add_output_json("summary", &serde_json::json!({"rows": 1200}))?;
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct CurrentRun {
    run: Run,
    /// The outputs path of the job's kind of script, once read.
    outputs_path: Arc<OnceLock<String>>,
}

/// `GET /jobs/{id}`, the part needed.
#[derive(Deserialize)]
struct JobInfo {
    #[serde(default, rename = "type")]
    job_type: Option<String>,
    #[serde(default, alias = "fromTemplateId")]
    from_template_id: Option<i64>,
}

/// `POST /json_values`'s answer, the part needed.
#[derive(Deserialize)]
struct JsonValueMade {
    id: i64,
}

/// The platform's job types of the scripts whose runs take outputs, beside the kind in their
/// paths (`/scripts/{kind}/{id}/runs/{run_id}/outputs`, as the spec has them). A custom script
/// (one with `fromTemplateId`) takes them under `custom`, whatever its template runs.
const SCRIPT_KINDS: &[(&str, &str)] = &[
    ("JobTypes::ContainerDocker", "containers"),
    ("JobTypes::PythonDocker", "python3"),
    ("JobTypes::RDocker", "r"),
    ("JobTypes::ScriptedSql", "javascript"),
    ("JobTypes::DbtDocker", "dbt"),
];

impl Client {
    /// The run this program is part of, when it runs inside Civis: `CIVIS_JOB_ID` and
    /// `CIVIS_RUN_ID`, which the platform sets in a script's container, read when the client
    /// was built. `None` outside Civis (either unset or not a number). No request is made.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// let client = civis::Client::new()?;
    /// match client.current_run() {
    ///     Some(run) => { run.add_output_path("result.csv")?; }
    ///     None => println!("not in Civis: result.csv stays here"),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn current_run(&self) -> Option<CurrentRun> {
        let config = self.config();
        let job_id = config.job_id()?.trim().parse().ok()?;
        let run_id = config.run_id()?.trim().parse().ok()?;
        Some(self.run_of(job_id, run_id))
    }

    /// Run `run_id` of job `job_id`, to add outputs to: [`current_run`](Client::current_run)
    /// with the ids given, for a program that learns them otherwise. No request is made.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.run_of(42, 7).add_output_file(1234)?;
    /// # Ok(()) }
    /// ```
    pub fn run_of(&self, job_id: i64, run_id: i64) -> CurrentRun {
        CurrentRun {
            run: self.job_run(job_id, run_id),
            outputs_path: Arc::new(OnceLock::new()),
        }
    }
}

impl CurrentRun {
    /// The job's id.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// assert_eq!(client.run_of(42, 7).job_id(), 42);
    /// ```
    pub fn job_id(&self) -> i64 {
        self.run.job_id()
    }

    /// The run's id.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// assert_eq!(client.run_of(42, 7).run_id(), 7);
    /// ```
    pub fn run_id(&self) -> i64 {
        self.run.run_id()
    }

    /// The run as a [`Run`], to read its outputs ([`Run::outputs`]) or log.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let outputs = client.run_of(42, 7).run().outputs()?;
    /// # Ok(()) }
    /// ```
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// Adds Civis file `file_id` to the run's outputs: civis-r's `write_job_output` for a
    /// file already uploaded.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.upload_file("model.json").send()?;
    /// if let Some(run) = client.current_run() {
    ///     run.add_output_file(file_id)?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn add_output_file(&self, file_id: i64) -> Result<(), Error> {
        self.add_output("File", file_id)
    }

    /// Uploads the local file `path` (as [`Client::upload_file`] does, under its file name,
    /// with the API's default expiry) and adds it to the run's outputs; returns the file's id.
    /// Memory does not grow with the file; files past
    /// [`MULTIPART_THRESHOLD`](crate::files::MULTIPART_THRESHOLD) go in parts, four at a time.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// if let Some(run) = client.current_run() {
    ///     let file_id = run.add_output_path("scores.csv")?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn add_output_path(&self, path: impl AsRef<Path>) -> Result<i64, Error> {
        let file_id = self.run.client().upload_file(path.as_ref()).send()?;
        self.add_output_file(file_id)?;
        Ok(file_id)
    }

    /// Makes a JSON value called `name` holding `value` (`POST /json_values`) and adds it to
    /// the run's outputs, where the next step reads it ([`Run::outputs`], whose
    /// [`RunOutput::value`](super::RunOutput::value) holds it); returns the JSON value's id.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// if let Some(run) = client.current_run() {
    ///     run.add_output_json("row_count", &1200)?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn add_output_json(&self, name: &str, value: &impl Serialize) -> Result<i64, Error> {
        let text = serde_json::to_string(value)
            .map_err(|e| Error::Usage(format!("the output {name:?} is not JSON: {e}")))?;
        let made: JsonValueMade = self.run.client().send_json(
            "POST",
            "/json_values",
            json!({"name": name, "value_str": text}),
        )?;
        self.add_output("JSONValue", made.id)?;
        Ok(made.id)
    }

    /// Adds object `object_id` of type `object_type` (`File`, `Table`, `Report`, `Project`,
    /// `Credential` or `JSONValue`, as the API names them) to the run's outputs.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let table = client.scan_table(32, "scratch.results")?;
    /// client.run_of(42, 7).add_output("Table", table.id)?;
    /// # Ok(()) }
    /// ```
    pub fn add_output(&self, object_type: &str, object_id: i64) -> Result<(), Error> {
        let path = self.outputs_path()?;
        let _: serde_json::Value = self.run.client().send_json(
            "POST",
            &path,
            json!({"object_type": object_type, "object_id": object_id}),
        )?;
        Ok(())
    }

    /// `/scripts/{kind}/{id}/runs/{run_id}/outputs` for the job's kind of script, read once
    /// from `GET /jobs/{id}`.
    fn outputs_path(&self) -> Result<String, Error> {
        if let Some(path) = self.outputs_path.get() {
            return Ok(path.clone());
        }
        let job_id = self.job_id();
        let job: JobInfo = self
            .run
            .client()
            .get_json(&format!("/jobs/{job_id}"), &[])?;
        let job_type = job.job_type.unwrap_or_default();
        let kind = script_kind(&job_type, job.from_template_id.is_some()).ok_or_else(|| {
            let kinds: Vec<&str> = SCRIPT_KINDS.iter().map(|(t, _)| *t).collect();
            Error::Usage(format!(
                "job {job_id} is a {job_type:?}, whose runs take no outputs: only custom scripts and {} do",
                kinds.join(", ")
            ))
        })?;
        let path = format!("/scripts/{kind}/{job_id}/runs/{}/outputs", self.run_id());
        Ok(self.outputs_path.get_or_init(|| path).clone())
    }
}

/// The kind of script in the outputs path of a job of type `job_type`.
fn script_kind(job_type: &str, from_template: bool) -> Option<&'static str> {
    if from_template {
        return Some("custom");
    }
    SCRIPT_KINDS
        .iter()
        .find(|(t, _)| *t == job_type)
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::script_kind;

    #[test]
    fn a_custom_script_takes_outputs_as_custom_whatever_its_type() {
        assert_eq!(script_kind("JobTypes::PythonDocker", true), Some("custom"));
        assert_eq!(
            script_kind("JobTypes::PythonDocker", false),
            Some("python3")
        );
        assert_eq!(script_kind("JobTypes::SqlRunner", false), None);
    }
}
