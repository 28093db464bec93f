//! The outputs of a run: files, tables, JSON values, ...

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::data::error::Error;
use crate::transport::request::get_request;

use super::logs;
use super::run::Run;

/// One output of a run (`GET /jobs/{id}/runs/{run_id}/outputs`): a file, table, JSON value, ...
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// for output in client.job_run(42, 7).outputs()? {
///     println!("{} {} {}", output.object_type, output.object_id, output.name);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunOutput {
    /// The output's name.
    #[serde(default, deserialize_with = "logs::string_or_null")]
    pub name: String,
    /// `File`, `Table`, `Report`, `Project`, `Credential` or `JSONValue`.
    #[serde(
        default,
        alias = "objectType",
        deserialize_with = "logs::string_or_null"
    )]
    pub object_type: String,
    /// The id of the file, table, ... that the output is.
    #[serde(alias = "objectId")]
    pub object_id: i64,
    /// The API's link to the object.
    #[serde(default)]
    pub link: Option<String>,
    /// The value of a `JSONValue` output.
    #[serde(default)]
    pub value: Option<Value>,
}

/// The API's largest page of run outputs.
const OUTPUTS_PER_PAGE: u32 = 50;

impl Run {
    /// The run's outputs (`GET /jobs/{id}/runs/{run_id}/outputs`, every page; civis-python
    /// reads only the first, which holds at most 50).
    ///
    /// Unlike civis-python's `CivisFuture.outputs()`, this does not wait for the run first:
    /// call [`wait`](Run::wait) before it to get the outputs of a finished run.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.run_job(42)?;
    /// run.wait()?;
    /// let files: Vec<i64> = run
    ///     .outputs()?
    ///     .into_iter()
    ///     .filter(|o| o.object_type == "File")
    ///     .map(|o| o.object_id)
    ///     .collect();
    /// # Ok(()) }
    /// ```
    pub fn outputs(&self) -> Result<Vec<RunOutput>, Error> {
        let mut outputs = Vec::new();
        for page in 1u64.. {
            let request = get_request(
                &self.path("/outputs"),
                &[
                    ("limit", json!(OUTPUTS_PER_PAGE)),
                    ("page_num", json!(page)),
                ],
            );
            let raw = self.client.execute(&request)?;
            let items: Vec<RunOutput> = raw.json(request.verb, &request.path_and_query)?;
            let last = match raw.headers.pagination() {
                Some(pages) => pages.current_page >= pages.total_pages,
                None => true,
            };
            let empty = items.is_empty();
            outputs.extend(items);
            if last || empty {
                break;
            }
        }
        Ok(outputs)
    }
}
