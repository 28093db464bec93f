//! The file a run left among its outputs: civis-python's `file_id_from_run_output`.

use crate::data::error::Error;
use crate::transport::client::Client;

impl Client {
    /// The id of the file output called exactly `name` of run `run_id` of job `job_id`
    /// (`GET /jobs/{id}/runs/{run_id}/outputs`, every page): civis-python's
    /// `file_id_from_run_output`. None of that name is [`Error::NotFound`], which lists the
    /// run's file outputs.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.file_id_from_run_output(42, 7, "output.csv")?;
    /// client.download_file(file_id).to_path("output.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn file_id_from_run_output(
        &self,
        job_id: i64,
        run_id: i64,
        name: &str,
    ) -> Result<i64, Error> {
        self.file_id_from_run_output_matching(job_id, run_id, |output| output == name)
            .map_err(|error| match error {
                Error::NotFound(listing) => {
                    Error::NotFound(format!("no file output called \"{name}\": {listing}"))
                }
                other => other,
            })
    }

    /// The id of the first file output of run `run_id` of job `job_id` whose name `matches`
    /// accepts (civis-python's `regex=True`, with any test of the name instead of a regular
    /// expression: `|name| name.ends_with(".csv")`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let report = client.file_id_from_run_output_matching(42, 7, |name| name.starts_with("report-"))?;
    /// # Ok(()) }
    /// ```
    pub fn file_id_from_run_output_matching(
        &self,
        job_id: i64,
        run_id: i64,
        matches: impl Fn(&str) -> bool,
    ) -> Result<i64, Error> {
        let files: Vec<_> = self
            .job_run(job_id, run_id)
            .outputs()?
            .into_iter()
            .filter(|output| output.object_type == "File")
            .collect();
        if let Some(file) = files.iter().find(|file| matches(&file.name)) {
            return Ok(file.object_id);
        }
        let names: Vec<String> = files.iter().map(|f| format!("\"{}\"", f.name)).collect();
        Err(Error::NotFound(if names.is_empty() {
            format!("run {run_id} of job {job_id} has no file outputs")
        } else {
            format!(
                "the file outputs of run {run_id} of job {job_id} are {}",
                names.join(", ")
            )
        }))
    }
}
