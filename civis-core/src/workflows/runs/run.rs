//! A run of a job: the handle, its page, one poll of its state, and its log.

use std::fmt;
use std::sync::Arc;

use serde_json::Value;

use crate::data::error::Error;
use crate::data::response::Response;
use crate::data::run_state::RunState;
use crate::transport::client::Client;
use crate::transport::polling::Polling;

use super::logs::Logs;

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
    pub(super) client: Client,
    pub(super) job_id: i64,
    pub(super) run_id: i64,
    pub(super) polling: Polling,
    /// Started by this handle: the run is known to be queued, so a wait starts with a pause
    /// instead of a poll (civis-python's `poll_on_creation=False` in `run_job`).
    pub(super) started_here: bool,
    /// What the wait does once the run has succeeded: an import's scan of the table it made
    /// (see [`ImportBuilder::scan`](crate::tables::ImportBuilder::scan)).
    pub(super) after_success: Option<AfterSuccess>,
}

/// Work a wait does once its run has succeeded, before it returns; it reports its own
/// failures (a run's success is not undone by them).
#[derive(Clone)]
pub(crate) struct AfterSuccess(Arc<dyn Fn() + Send + Sync>);

impl fmt::Debug for AfterSuccess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AfterSuccess")
    }
}

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

impl Client {
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
            after_success: None,
        }
    }
}

impl Run {
    /// A run this client just started (so a wait starts with a pause).
    pub(crate) fn started(client: &Client, job_id: i64, run_id: i64) -> Self {
        Self {
            started_here: true,
            ..client.job_run(job_id, run_id)
        }
    }

    /// The same run, whose wait does `work` once the run has succeeded.
    // Only imports, behind `io`, give runs such work.
    #[cfg_attr(not(feature = "io"), allow(dead_code))]
    pub(crate) fn after_success(mut self, work: impl Fn() + Send + Sync + 'static) -> Self {
        self.after_success = Some(AfterSuccess(Arc::new(work)));
        self
    }

    /// Does the work the run's wait owes once it has succeeded, if any.
    pub(super) fn succeeded(&self) {
        if let Some(AfterSuccess(work)) = &self.after_success {
            work();
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
    pub(super) fn path(&self, tail: &str) -> String {
        format!("/jobs/{}/runs/{}{tail}", self.job_id, self.run_id)
    }

    /// One poll: the run's state and the API's whole answer.
    pub(super) fn poll(&self) -> Result<(RunState, Response), Error> {
        let response = self.client.get_response(&self.path(""))?;
        Ok((state_of(&response), response))
    }
}

/// The state an answer about a run gives.
pub(super) fn state_of(response: &Response) -> RunState {
    RunState::from_api(
        response
            .get("state")
            .and_then(Value::as_str)
            .unwrap_or_default(),
    )
}
