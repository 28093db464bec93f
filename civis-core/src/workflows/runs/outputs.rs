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

#[cfg(feature = "io")]
impl Run {
    /// The first file output of the run whose name matches the glob `pattern` (`*`: any text,
    /// `?`: any one character, the rest itself; the whole name must match), read as
    /// [`Client::read_csv_file`](crate::Client::read_csv_file) reads a file: civis-r's
    /// `read_civis(civis_script(id), regex = ".csv")`. Call it on a run that is over (after
    /// [`wait`](Run::wait)): the outputs are listed once, every page (`GET
    /// /jobs/{id}/runs/{run_id}/outputs`), and nothing waits. No file output matches:
    /// [`Error::NotFound`](crate::Error::NotFound), naming the file outputs the run has.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.run_job(42)?;
    /// run.wait()?;
    /// for record in run.output_file("scores-*.csv")?.rows()? {
    ///     println!("{:?}", record?);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn output_file(&self, pattern: &str) -> Result<crate::workflows::csv::CsvFiles<'_>, Error> {
        let file_id = self
            .client
            .file_id_from_run_output_matching(self.job_id, self.run_id, |name| {
                glob_matches(pattern, name)
            })
            .map_err(|error| match error {
                Error::NotFound(listing) => {
                    Error::NotFound(format!("no file output matches \"{pattern}\": {listing}"))
                }
                other => other,
            })?;
        Ok(self.client.read_csv_file(file_id))
    }
}

/// Whether all of `name` matches the glob `pattern`: `*` any text (none included), `?` any one
/// character, anything else itself. Backtracks only to the last `*`, so the time is at most
/// the product of the two lengths.
#[cfg_attr(not(feature = "io"), allow(dead_code))]
pub(crate) fn glob_matches(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    let (mut p, mut n) = (0, 0);
    // Where the last `*` was, and the name's position it stands for so far.
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == '?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                // The `*` takes one more character.
                Some((at, taken)) => {
                    star = Some((at, taken + 1));
                    p = at + 1;
                    n = taken + 1;
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::glob_matches;

    #[test]
    fn a_glob_matches_the_whole_name_with_stars_and_question_marks() {
        assert!(glob_matches("*.csv", "report.csv"));
        assert!(glob_matches("*.csv", ".csv"));
        assert!(!glob_matches("*.csv", "report.csv.gz"));
        assert!(glob_matches("*.csv*", "report.csv.gz"));
        assert!(glob_matches("part-??.csv", "part-07.csv"));
        assert!(!glob_matches("part-??.csv", "part-7.csv"));
        assert!(glob_matches("a*b*c", "axxbyyc"));
        assert!(!glob_matches("a*b*c", "axxbyy"));
        assert!(glob_matches("*", ""));
        assert!(!glob_matches("", "x"));
        assert!(glob_matches("résumé-*", "résumé-1"));
    }
}
