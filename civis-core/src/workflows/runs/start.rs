//! Starting runs of jobs, and finding a job's runs: `POST /jobs/{id}/runs` (which may have
//! started a run although it failed) and the newest run of a job.

use std::time::{Duration, SystemTime};

use serde_json::{json, Value};

use crate::data::error::Error;
use crate::transport::client::{Attempt, Client};
use crate::transport::http_request::HttpRequest;
use crate::transport::request::get_request;
use crate::transport::retry::{Failed, Fault, Retrier, Verdict};

use super::logs::{self, Logs};
use super::run::Run;

/// How much earlier than the first attempt of a run's POST a run may have been created and still
/// be taken as that POST's: the difference between this machine's clock and the API's.
const ADOPTION_MARGIN: Duration = Duration::from_secs(1);

impl Client {
    /// Starts a run of job `job_id` (`POST /jobs/{id}/runs`): civis-python's
    /// `civis.utils.run_job`, without waiting. Call [`Run::wait`] on the result to wait.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let finished = client.run_job(42)?.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn run_job(&self, job_id: i64) -> Result<Run, Error> {
        let run_id = self.start_run(job_id, &format!("/jobs/{job_id}/runs"))?;
        Ok(Run::started(self, job_id, run_id))
    }

    /// A run of job `job_id` started by a POST to `path` (`/jobs/{id}/runs`, or a kind of
    /// job's own path to the same runs, as `/scripts/custom/{id}/runs`), retried as the client
    /// retries POSTs (429 and 503), except that an attempt whose answer may hide a run the API
    /// started (a 502, 503 or 504 from a gateway, a connection lost after the request went out)
    /// is followed by a look at the job's newest run (`GET /jobs/{id}/runs`): one created since
    /// the first attempt is taken as this POST's, instead of starting a second.
    pub(super) fn start_run(&self, job_id: i64, path: &str) -> Result<i64, Error> {
        let request = HttpRequest {
            verb: "POST",
            path_and_query: path.to_string(),
            headers: Vec::new(),
            body: Some(json!({})),
        };
        let config = self.config();
        // Runs made from this moment on (less a margin for the clocks' difference) may be ours.
        let since = SystemTime::now() - ADOPTION_MARGIN;
        Retrier::new(config.retry(), config.clock.clone()).run(
            &format_args!("POST {path}"),
            || classify_run_post(path, self.attempt(&request)),
            || {
                let found = self.run_created_since(job_id, since)?;
                match found {
                    Some(run_id) => log::warn!(
                        "POST {path} failed, but the API had started run {run_id} of job {job_id} for it: taking that run rather than starting another"
                    ),
                    None => log::info!("POST {path} failed and no run of job {job_id} was started for it"),
                }
                Ok(found)
            },
        )
    }

    /// The newest run of `job_id`, when it was created at `since` or later.
    fn run_created_since(&self, job_id: i64, since: SystemTime) -> Result<Option<i64>, Error> {
        let newest = self.latest_run(job_id)?;
        let Some(run) = newest else {
            return Ok(None);
        };
        let created = run
            .get("createdAt")
            .or_else(|| run.get("created_at"))
            .and_then(Value::as_str)
            .and_then(logs::unix_seconds);
        let since = since
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        Ok(match (created, run.get("id").and_then(Value::as_i64)) {
            (Some(created), Some(id)) if created >= since => Some(id),
            _ => None,
        })
    }

    /// Follows the log of run `run_id` of job `job_id`, or of its latest run when `None`
    /// (found with `GET /jobs/{id}/runs?limit=1&order=id&order_dir=desc`): civis-python's
    /// `civis.utils.job_logs`. See [`Logs`] for how it follows the log.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for entry in client.job_logs(42, None)? {
    ///     let entry = entry?;
    ///     println!("{} {}", entry.created_at, entry.message);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn job_logs(&self, job_id: i64, run_id: Option<i64>) -> Result<Logs, Error> {
        let run_id = match run_id {
            Some(run_id) => run_id,
            None => self.latest_run_id(job_id)?,
        };
        Ok(self.job_run(job_id, run_id).logs())
    }

    fn latest_run_id(&self, job_id: i64) -> Result<i64, Error> {
        match self.latest_run(job_id)? {
            Some(run) => id_of(&run, "GET", &format!("/jobs/{job_id}/runs")),
            None => Err(Error::NotFound(format!("job {job_id} has no runs"))),
        }
    }

    /// The newest run of `job_id` as the API gives it, if it has one.
    fn latest_run(&self, job_id: i64) -> Result<Option<Value>, Error> {
        let request = get_request(
            &format!("/jobs/{job_id}/runs"),
            &[
                ("limit", json!(1)),
                ("order", json!("id")),
                ("order_dir", json!("desc")),
            ],
        );
        let runs: Value = self
            .execute(&request)?
            .json(request.verb, &request.path_and_query)?;
        Ok(runs.as_array().and_then(|runs| runs.first()).cloned())
    }

    /// The `id` of what a POST of `body` to `path` made.
    pub(crate) fn post_for_id(&self, path: &str, body: Value) -> Result<i64, Error> {
        let made: Value = self.send_json("POST", path, body)?;
        id_of(&made, "POST", path)
    }
}

/// How an attempt at a job run's POST is classified: a 2xx answer is the new run's id; a 502,
/// 503 or 504 (a gateway's answer, which may hide a run the API started) and a connection lost
/// after the request went out mean looking for that run first; 429 and a failure to connect (nothing
/// reached the API) are retried as any call's; anything else ends the POST.
fn classify_run_post(path: &str, attempt: Attempt) -> Result<i64, Box<Failed>> {
    match attempt {
        Attempt::Answer(raw) if (200..300).contains(&raw.status()) => {
            let made: Value = raw.json("POST", path).map_err(Failed::give_up)?;
            id_of(&made, "POST", path).map_err(Failed::give_up)
        }
        Attempt::Answer(raw) => {
            let verdict = match raw.status() {
                502..=504 => Verdict::LookFirst,
                429 => Verdict::Retry,
                _ => Verdict::GiveUp,
            };
            let headers = raw.headers.clone();
            Err(Box::new(Failed {
                error: raw.into_error("POST", path),
                fault: Fault::Answer(headers),
                verdict,
            }))
        }
        Attempt::NoAnswer(error, Fault::Connect) => Err(Box::new(Failed {
            error,
            fault: Fault::Connect,
            verdict: Verdict::Retry,
        })),
        // The connection broke after the request went out: the API may have done it. Waited
        // for as any failure without an answer, not at once.
        Attempt::NoAnswer(error @ Error::Transport { .. }, _) => Err(Box::new(Failed {
            error,
            fault: Fault::NoAnswer,
            verdict: Verdict::LookFirst,
        })),
        Attempt::NoAnswer(error, _) => Err(Failed::give_up(error)),
    }
}

/// The `id` of an answer, or a decoding error naming the request.
fn id_of(answer: &Value, method: &str, path: &str) -> Result<i64, Error> {
    answer
        .get("id")
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::Decode {
            method: method.to_string(),
            path: path.to_string(),
            detail: "the answer has no integer `id`".to_string(),
            snippet: answer.to_string().chars().take(200).collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::response::{Headers, RawResponse};

    fn answer(status: u16, body: &str) -> Attempt {
        Attempt::Answer(RawResponse {
            headers: Headers {
                status,
                entries: Vec::new(),
            },
            body: body.as_bytes().to_vec(),
        })
    }

    fn verdict(attempt: Attempt) -> Option<Verdict> {
        classify_run_post("/jobs/7/runs", attempt)
            .err()
            .map(|f| f.verdict)
    }

    #[test]
    fn a_created_run_is_its_id() {
        let id = classify_run_post("/jobs/7/runs", answer(201, r#"{"id": 12}"#)).ok();
        assert_eq!(id, Some(12));
        assert_eq!(verdict(answer(201, "{}")), Some(Verdict::GiveUp));
    }

    #[test]
    fn a_gateways_answer_or_a_cut_connection_looks_for_the_run_first() {
        for status in [502, 503, 504] {
            assert_eq!(verdict(answer(status, "")), Some(Verdict::LookFirst));
        }
        let cut = Attempt::NoAnswer(
            Error::Transport {
                method: "POST".into(),
                path: "/jobs/7/runs".into(),
                source: Box::new(std::io::Error::other("reset")),
            },
            Fault::ClosedBeforeAnswer,
        );
        assert_eq!(verdict(cut), Some(Verdict::LookFirst));
    }

    #[test]
    fn a_429_or_no_connection_is_retried_and_other_answers_end_the_post() {
        assert_eq!(verdict(answer(429, "")), Some(Verdict::Retry));
        let refused = Attempt::NoAnswer(
            Error::Transport {
                method: "POST".into(),
                path: "/jobs/7/runs".into(),
                source: Box::new(std::io::Error::other("refused")),
            },
            Fault::Connect,
        );
        assert_eq!(verdict(refused), Some(Verdict::Retry));
        assert_eq!(verdict(answer(400, "")), Some(Verdict::GiveUp));
        assert_eq!(verdict(answer(500, "")), Some(Verdict::GiveUp));
    }
}
