//! Runs of jobs, for blocking scripts: start a run, wait for it, cancel it, read its outputs and
//! follow its log. civis-python's `run_job`, `run_template`, `job_logs` and `CivisFuture`.
//!
//! Scripts, imports, exports and the other kinds of job all keep their runs under
//! `/jobs/{id}/runs/{run_id}`, so one [`Run`] serves them all. Every call goes through the
//! client's transport (retries, timeouts, errors) and every wait through its
//! [`Clock`](crate::config::Clock).
//!
//! ```no_run
//! # extern crate civis_core as civis;
//! # fn main() -> Result<(), civis::Error> {
//! let client = civis::Client::new()?;
//! let run = client.run_job(42)?;
//! for entry in run.logs() {
//!     println!("{}", entry?.message);
//! }
//! let finished = run.wait()?; // Err(Error::JobFailed { .. }) when the run failed
//! println!("{} at {:?}", finished.state, finished.finished_at);
//! # Ok(()) }
//! ```

mod failure;
mod fan_out;
mod logs;
mod set;
// Only the SQL endings, behind `io`, start workflows of this kind.
#[cfg(feature = "io")]
mod started;
mod template;

use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::data::error::Error;
use crate::data::response::Response;
use crate::transport::client::{Attempt, Client};
use crate::transport::request::{get_request, HttpRequest};
use crate::transport::retry::{Failed, Fault, Retrier, Verdict};

use crate::data::run_state::from_job_run;
pub use crate::data::run_state::{FinishedRun, RunState};
pub use crate::transport::polling::Polling;
pub use fan_out::{FanOut, FanOutRuns, TemplateOutcome};
pub use logs::{LogEntry, Logs};
pub use set::{AsCompleted, Completed, RunSet};
#[cfg(feature = "io")]
pub use started::Started;
pub use template::CustomScript;

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

/// A run of a job: civis-python's `CivisFuture`, for any kind of job.
///
/// Made by [`Client::run_job`] (a new run), [`Client::job_run`] (an existing one) and
/// [`Client::run_template`]. It holds a clone of the client (cheap: the connection pool is
/// shared), so it can be moved to another thread; its methods borrow it, so a run can be waited
/// on and then asked for its outputs.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let run = client.run_job(42)?;
/// let waiter = std::thread::spawn(move || run.wait());
/// let finished = waiter.join().expect("the waiting thread ends")?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Run {
    client: Client,
    job_id: i64,
    run_id: i64,
    polling: Polling,
    /// Started by this handle: the run is known to be queued, so a wait starts with a pause
    /// instead of a poll (civis-python's `poll_on_creation=False` in `run_job`).
    started_here: bool,
}

/// The pause before a wait's next round of `polls` polls: the schedule's next interval,
/// stretched when the API's rate limit asks for more (see [`RunSet`]; logged at `info` the first
/// time it does in this wait, which `slowed` remembers), then cut to what is left of `timeout`
/// after `waited`.
fn next_pause(
    client: &Client,
    intervals: &mut dyn Iterator<Item = Duration>,
    (waited, timeout): (Duration, Option<Duration>),
    polls: usize,
    slowed: &mut bool,
) -> Duration {
    let interval = intervals.next().unwrap_or(Duration::from_secs(15));
    let pause = match client.poll_spacing(polls) {
        Some((spacing, limit)) if spacing > interval => {
            if !*slowed {
                log::info!(
                    "{} of {} API calls left{}: polling {polls} run(s) every {:.1} s instead of {:.1} s, to stay under the rate limit",
                    limit.remaining,
                    limit.limit,
                    limit
                        .resets_in
                        .map(|r| format!(" for {:.0} s", r.as_secs_f64()))
                        .unwrap_or_default(),
                    spacing.as_secs_f64(),
                    interval.as_secs_f64(),
                );
                *slowed = true;
            }
            spacing
        }
        _ => interval,
    };
    match timeout {
        Some(timeout) => pause.min(timeout.saturating_sub(waited)),
        None => pause,
    }
}

/// A run that is cancelled (`DELETE`, not waited for) when this guard is dropped before a
/// [`wait`](CancelOnDrop::wait) through it saw the run end: [`Run::cancel_on_drop`].
#[derive(Debug)]
#[must_use = "a guard dropped at once cancels the run at once"]
pub struct CancelOnDrop {
    run: Option<Run>,
    ended: std::cell::Cell<bool>,
}

impl CancelOnDrop {
    /// Waits for the run ([`Run::wait`]); once it has ended (succeeded, failed or cancelled),
    /// the guard no longer cancels it.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let finished = client.run_job(42)?.cancel_on_drop().wait()?;
    /// # Ok(()) }
    /// ```
    pub fn wait(&self) -> Result<FinishedRun, Error> {
        let outcome = self.run().wait();
        if matches!(&outcome, Ok(_) | Err(Error::JobFailed { .. })) {
            self.ended.set(true);
        }
        outcome
    }

    /// The run.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let guard = client.run_job(42)?.cancel_on_drop();
    /// println!("{}", guard.run().url());
    /// # Ok(()) }
    /// ```
    pub fn run(&self) -> &Run {
        self.run
            .as_ref()
            .expect("the run is there until the guard is released or dropped")
    }

    /// The run back, no longer cancelled on drop.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.run_job(42)?.cancel_on_drop().release();
    /// # Ok(()) }
    /// ```
    pub fn release(mut self) -> Run {
        self.run
            .take()
            .expect("the run is there until the guard is released or dropped")
    }
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        let Some(run) = self.run.take() else {
            return;
        };
        if self.ended.get() {
            return;
        }
        log::warn!(
            "{} was not seen to end; cancelling it",
            from_job_run(run.job_id, run.run_id)
        );
        if let Err(error) = run.request_cancel() {
            log::warn!(
                "{} could not be cancelled: {error}",
                from_job_run(run.job_id, run.run_id)
            );
        }
    }
}

/// How much earlier than the first attempt of a run's POST a run may have been created and still
/// be taken as that POST's: the difference between this machine's clock and the API's.
const ADOPTION_MARGIN: Duration = Duration::from_secs(1);

/// How long the polls of a wait may keep failing with what may pass (a 5xx answer, a dropped
/// or refused connection, after the transport's own retries) before the wait gives up: 10
/// minutes in a row. Each failure is logged at `warn`.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::runs::POLL_OUTAGE_LIMIT.as_secs(), 600);
/// ```
pub const POLL_OUTAGE_LIMIT: Duration = Duration::from_secs(600);

/// Whether a poll's failure may pass: the API's 5xx, or no answer at all.
pub(super) fn is_transient(error: &Error) -> bool {
    matches!(
        error,
        Error::Api {
            status: 500..=599,
            ..
        } | Error::Transport { .. }
    )
}

/// How long [`Run::cancel`] waits for a cancelled run to stop: 2 minutes.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::runs::CANCEL_TIMEOUT.as_secs(), 120);
/// ```
pub const CANCEL_TIMEOUT: Duration = Duration::from_secs(120);

/// A job's page on Civis Platform, or one of its runs' pages: civis-python's
/// `civis.utils.job_url(job_id, run_id=None)`. No request is made.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::runs::job_url;
/// assert_eq!(job_url(42, None), "https://platform.civisanalytics.com/spa/#/jobs/42");
/// assert_eq!(job_url(42, Some(7)), "https://platform.civisanalytics.com/spa/#/jobs/42?runId=7");
/// ```
pub fn job_url(job_id: i64, run_id: Option<i64>) -> String {
    let page = format!("https://platform.civisanalytics.com/spa/#/jobs/{job_id}");
    match run_id {
        Some(run_id) => format!("{page}?runId={run_id}"),
        None => page,
    }
}

/// The API's largest page of run outputs.
const OUTPUTS_PER_PAGE: u32 = 50;

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
        let run_id = self.start_job_run(job_id)?;
        Ok(Run::started(self, job_id, run_id))
    }

    /// `POST /jobs/{id}/runs`, retried as the client retries POSTs (429 and 503), except that
    /// an attempt whose answer may hide a run the API started (a 502, 503 or 504 from a gateway,
    /// a connection lost after the request went out) is followed by a look at the job's newest
    /// run (`GET /jobs/{id}/runs`): one created since the first attempt is taken as this
    /// POST's, instead of starting a second.
    fn start_job_run(&self, job_id: i64) -> Result<i64, Error> {
        let path = format!("/jobs/{job_id}/runs");
        let request = HttpRequest {
            verb: "POST",
            path_and_query: path.clone(),
            headers: Vec::new(),
            body: Some(json!({})),
        };
        let config = self.config();
        // Runs made from this moment on (less a margin for the clocks' difference) may be ours.
        let since = SystemTime::now() - ADOPTION_MARGIN;
        Retrier::new(config.retry(), config.clock.clone()).run(
            &format_args!("POST {path}"),
            || classify_run_post(&path, self.attempt(&request)),
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

    /// A handle on run `run_id` of job `job_id`, which exists already; no request is made.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let state = client.job_run(42, 7).state()?;
    /// # Ok(()) }
    /// ```
    pub fn job_run(&self, job_id: i64, run_id: i64) -> Run {
        Run {
            client: self.clone(),
            job_id,
            run_id,
            polling: self.config().polling,
            started_here: false,
        }
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

impl Run {
    /// A run this client just started (so a wait starts with a pause).
    pub(crate) fn started(client: &Client, job_id: i64, run_id: i64) -> Self {
        Self {
            started_here: true,
            ..client.job_run(job_id, run_id)
        }
    }

    /// The client the run is polled with.
    // Used by the SQL endings, which are behind `io`.
    #[cfg_attr(not(feature = "io"), allow(dead_code))]
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// The job's id.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// assert_eq!(client.job_run(42, 7).job_id(), 42);
    /// ```
    pub fn job_id(&self) -> i64 {
        self.job_id
    }

    /// The run's id.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// assert_eq!(client.job_run(42, 7).run_id(), 7);
    /// ```
    pub fn run_id(&self) -> i64 {
        self.run_id
    }

    /// The run's page on Civis Platform, as civis-python's `job_url` builds it (with the run).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// assert_eq!(
    ///     client.job_run(42, 7).url(),
    ///     "https://platform.civisanalytics.com/spa/#/jobs/42?runId=7"
    /// );
    /// ```
    pub fn url(&self) -> String {
        job_url(self.job_id, Some(self.run_id))
    }

    /// The same run, polled on `polling` instead of the client's schedule.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// let run = client.run_job(42)?.polling(civis::runs::Polling::every(Duration::from_secs(30)));
    /// # Ok(()) }
    /// ```
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = polling;
        self
    }

    /// The run's state now: one poll (`GET /jobs/{id}/runs/{run_id}`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// if !client.job_run(42, 7).state()?.is_finished() {
    ///     println!("still going");
    /// }
    /// # Ok(()) }
    /// ```
    pub fn state(&self) -> Result<RunState, Error> {
        self.poll().map(|(state, _)| state)
    }

    /// Polls until the run is over and returns it; a failed run is
    /// [`Error::JobFailed`](crate::Error::JobFailed). A cancelled run is returned, not an error,
    /// as civis-python's `result()` returns it: check [`FinishedRun::state`].
    ///
    /// When the API gives no error text (it does not for failed container, Python and R
    /// scripts), the error's message is the last 15 lines of the run's log, or the line that
    /// says the run ran out of memory, as in civis-python. civis-python sleeps 15 s before it
    /// reads them; this reads the log at once and waits for it, on the polling schedule, only
    /// while the API says the log is not complete, 15 s at most.
    ///
    /// A poll that fails with an error the transport retries (429, 502, 503, 504, a refused
    /// connection) is retried; one that fails otherwise with what may pass (a 5xx, a dropped
    /// connection) is polled again, for [`POLL_OUTAGE_LIMIT`] in a row at most; any other error
    /// ends the wait with that error.
    ///
    /// A wait that ends early (an error, a timeout, an interrupted program) leaves the run
    /// going on the platform. To have it cancelled then, wait through
    /// [`cancel_on_drop`](Run::cancel_on_drop).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// match client.run_job(42)?.wait() {
    ///     Ok(finished) => println!("{}", finished.state),
    ///     Err(civis::Error::JobFailed { message, .. }) => eprintln!("failed: {message}"),
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn wait(&self) -> Result<FinishedRun, Error> {
        self.wait_until(None, self.started_here)
    }

    /// [`wait`](Run::wait), giving up after `timeout` with
    /// [`Error::WaitTimeout`](crate::Error::WaitTimeout). The run is not cancelled: it goes on
    /// (as with civis-python's `result(timeout=)`), and can be waited on again.
    ///
    /// `wait_timeout(Duration::ZERO)` polls once: it returns the finished run (or its failure),
    /// or `WaitTimeout` with the current state, for a caller that shows progress between pauses
    /// of its own.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// let run = client.run_job(42)?;
    /// if let Err(civis::Error::WaitTimeout { .. }) = run.wait_timeout(Duration::from_secs(600)) {
    ///     run.cancel()?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn wait_timeout(&self, timeout: Duration) -> Result<FinishedRun, Error> {
        self.wait_until(Some(timeout), self.started_here)
    }

    /// Asks the API to cancel the run (`DELETE /jobs/{id}/runs/{run_id}`), then polls until it
    /// is over and returns it, normally `cancelled`, for at most [`CANCEL_TIMEOUT`] (2 minutes;
    /// [`cancel_within`](Run::cancel_within) sets another bound). A run that finished before the
    /// cancel reached it is returned as [`wait`](Run::wait) returns it (a failure is still an
    /// error); one that has not stopped within the bound is
    /// [`Error::WaitTimeout`](crate::Error::WaitTimeout), and may still be going.
    ///
    /// civis-python's `CivisFuture.cancel()` stores the DELETE's empty answer as the result, so
    /// its `result()` never returns; this waits for the state the API reports.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let cancelled = client.job_run(42, 7).cancel()?;
    /// assert_eq!(cancelled.state, civis::runs::RunState::Cancelled);
    /// # Ok(()) }
    /// ```
    pub fn cancel(&self) -> Result<FinishedRun, Error> {
        self.cancel_within(CANCEL_TIMEOUT)
    }

    /// [`cancel`](Run::cancel), waiting at most `timeout` (on the client's clock) for the run to
    /// stop.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// match client.job_run(42, 7).cancel_within(Duration::from_secs(30)) {
    ///     Err(civis::Error::WaitTimeout { .. }) => eprintln!("asked to stop; still going"),
    ///     other => println!("{:?}", other?.state),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn cancel_within(&self, timeout: Duration) -> Result<FinishedRun, Error> {
        if let Err(error) = self.send_cancel() {
            // The API answers 404 to a cancel of a run that is over (civis-python reads it
            // so too); the run's own answer then says how it ended.
            if matches!(error, Error::Api { status: 404, .. }) {
                if let Ok((state, response)) = self.poll() {
                    if state.is_finished() {
                        return self.finished(state, response);
                    }
                }
            }
            return Err(error);
        }
        log::info!(
            "{} cancel requested; waiting up to {:.0} s for the run to stop",
            from_job_run(self.job_id, self.run_id),
            timeout.as_secs_f64()
        );
        self.wait_until(Some(timeout), true)
    }

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

    /// The run's log, followed until it is complete: see [`Logs`]. A log still being written is
    /// polled every 5 s (civis-python's pace), or at the first interval of the run's polling when
    /// one was set (the client's [`polling`](crate::ClientBuilder::polling), or the run's
    /// [`polling`](Run::polling)), on the client's clock.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for entry in client.run_job(42)?.logs() {
    ///     let entry = entry?;
    ///     println!("[{}] {}", entry.level, entry.message);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn logs(&self) -> Logs {
        let logs = Logs::new(self.client.clone(), self.job_id, self.run_id);
        // A polling of one's own (the client's `.polling(..)`, the run's) paces the follow
        // too, at its first interval; civis-python's 5 s stays the default.
        if self.polling == Polling::default() {
            logs
        } else {
            let interval = self.polling.intervals().next().unwrap_or_default();
            logs.follow_interval(interval)
        }
    }

    /// `/jobs/{id}/runs/{run_id}` followed by `tail`.
    fn path(&self, tail: &str) -> String {
        format!("/jobs/{}/runs/{}{tail}", self.job_id, self.run_id)
    }

    /// `DELETE /jobs/{id}/runs/{run_id}`, the cancel alone.
    fn send_cancel(&self) -> Result<(), Error> {
        let request = HttpRequest {
            verb: "DELETE",
            path_and_query: self.path(""),
            headers: Vec::new(),
            body: None,
        };
        self.client.execute(&request).map(drop)
    }

    /// A guard that cancels the run when dropped before a wait through it saw the run end: an
    /// early return, a `?`, a panic. [`CancelOnDrop::release`] gives the run back untouched.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.run_job(42)?.cancel_on_drop();
    /// let finished = run.wait()?; // if this fails, or anything after it panics first, the
    ///                             // run is cancelled (unless it had ended)
    /// # Ok(()) }
    /// ```
    pub fn cancel_on_drop(self) -> CancelOnDrop {
        CancelOnDrop {
            run: Some(self),
            ended: std::cell::Cell::new(false),
        }
    }

    /// Asks the API to cancel the run (`DELETE /jobs/{id}/runs/{run_id}`) without waiting for
    /// it to stop (see [`cancel`](Run::cancel) for that): for a program about to exit. A 404,
    /// the API's answer for a run that is over, is no error.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.job_run(42, 7).request_cancel()?;
    /// # Ok(()) }
    /// ```
    pub fn request_cancel(&self) -> Result<(), Error> {
        match self.send_cancel() {
            Err(Error::Api { status: 404, .. }) => Ok(()),
            other => other,
        }
    }

    fn poll(&self) -> Result<(RunState, Response), Error> {
        let response = self.client.get_response(&self.path(""))?;
        let state = RunState::from_api(
            response
                .get("state")
                .and_then(Value::as_str)
                .unwrap_or_default(),
        );
        Ok((state, response))
    }

    fn wait_until(
        &self,
        timeout: Option<Duration>,
        pause_first: bool,
    ) -> Result<FinishedRun, Error> {
        let clock = self.client.config().clock.clone();
        let started = clock.now();
        let mut intervals = self.polling.intervals();
        let mut pause = pause_first;
        let mut last_state = None;
        let mut slowed = false;
        let mut unreachable_since = None;
        loop {
            if pause {
                let waited = clock.now().duration_since(started);
                clock.sleep(next_pause(
                    &self.client,
                    &mut intervals,
                    (waited, timeout),
                    1,
                    &mut slowed,
                ));
            }
            pause = true;
            let (state, response) = match self.poll() {
                Ok(polled) => {
                    unreachable_since = None;
                    polled
                }
                // A poll that fails with what may pass (a 5xx, a dropped connection), after
                // the transport's own retries, does not end a long wait: the run goes on
                // meanwhile. Polling goes on until the API has been unreachable for
                // POLL_OUTAGE_LIMIT in a row.
                Err(error) if is_transient(&error) => {
                    let since = *unreachable_since.get_or_insert_with(|| clock.now());
                    let down = clock.now().duration_since(since);
                    if down >= POLL_OUTAGE_LIMIT {
                        return Err(error);
                    }
                    log::warn!(
                        "{} could not be polled ({error}); polling on (unreachable for {:.0} s of at most {:.0} s)",
                        from_job_run(self.job_id, self.run_id),
                        down.as_secs_f64(),
                        POLL_OUTAGE_LIMIT.as_secs_f64()
                    );
                    continue;
                }
                Err(error) => return Err(error),
            };
            if state.is_finished() {
                return self.finished(state, response);
            }
            let waited = clock.now().duration_since(started);
            if last_state.as_ref() != Some(&state) {
                log::info!(
                    "{} is {state}; waiting (waited {:.1} s so far)",
                    from_job_run(self.job_id, self.run_id),
                    waited.as_secs_f64()
                );
                last_state = Some(state.clone());
            }
            if timeout.is_some_and(|timeout| waited >= timeout) {
                return Err(Error::WaitTimeout {
                    job_id: self.job_id,
                    run_id: self.run_id,
                    state,
                    waited,
                });
            }
        }
    }

    /// The finished run, or the error of a failed one.
    fn finished(&self, state: RunState, response: Response) -> Result<FinishedRun, Error> {
        let text = |key: &str| {
            response
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let error = text("error").filter(|e| !e.is_empty() && e != "None");
        let run = FinishedRun {
            job_id: self.job_id,
            run_id: self.run_id,
            created_at: text("created_at"),
            started_at: text("started_at"),
            finished_at: text("finished_at"),
            error: error.clone(),
            state,
            response,
        };
        if run.state != RunState::Failed {
            return Ok(run);
        }
        let (message, out_of_memory) = match error {
            Some(error) => (error, false),
            None => failure::message_from_log(self),
        };
        Err(Error::JobFailed {
            job_id: self.job_id,
            run_id: self.run_id,
            message,
            out_of_memory,
            run: Box::new(run),
        })
    }
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
