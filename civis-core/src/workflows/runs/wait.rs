//! Waiting for a run to end: the wait of a set of one run ([`AsCompleted`]), so that a lone run
//! and a set keep the same pace, outage rule and timeout.

use std::time::Duration;

use crate::data::error::Error;
use crate::data::run_state::FinishedRun;

use super::run::Run;
use super::set::AsCompleted;

impl Run {
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
    /// A poll that fails with what may pass (a 429 or 5xx answer, a refused or dropped
    /// connection) is polled again on the wait's own pace, at least the answer's `Retry-After`
    /// later and backing off during an outage as the client's retries do, for
    /// [`POLL_OUTAGE_LIMIT`](super::POLL_OUTAGE_LIMIT) in a row at most; any other error ends
    /// the wait with that error. See [`RunSet`](super::RunSet), whose wait this is.
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

    /// Polls until the run is over or `timeout` has passed, pausing before the first poll when
    /// `pause_first` says so.
    pub(super) fn wait_until(
        &self,
        timeout: Option<Duration>,
        pause_first: bool,
    ) -> Result<FinishedRun, Error> {
        let clock = self.client.config().clock.clone();
        let mut wait = AsCompleted::new(Some(clock), self.polling, timeout, 0, pause_first);
        wait.push(0, self.clone());
        match wait.next() {
            Some(completed) => completed.outcome,
            // A wait on one run ends with that run.
            None => Err(Error::NotFound(format!(
                "the wait on run {} of job {} ended without it",
                self.run_id, self.job_id
            ))),
        }
    }
}
