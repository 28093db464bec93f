//! Cancelling a run: asked and waited for (bounded), asked only, or on drop of a guard.

use std::time::Duration;

use crate::data::error::Error;
use crate::data::run_state::{from_job_run, FinishedRun};
use crate::transport::http_request::HttpRequest;
use crate::transport::retry::Retry;

use super::run::Run;

/// How long [`Run::cancel`] waits for a cancelled run to stop: 2 minutes.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::runs::CANCEL_TIMEOUT.as_secs(), 120);
/// ```
pub const CANCEL_TIMEOUT: Duration = Duration::from_secs(120);

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

impl Run {
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
        let clock = self.client.config().clock.clone();
        let asked = clock.now();
        if let Err(error) = self.send_cancel(timeout) {
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
        // The DELETE's retries count against the bound.
        let left = timeout.saturating_sub(clock.now().duration_since(asked));
        self.wait_until(Some(left), true)
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
        self.request_cancel_within(CANCEL_TIMEOUT)
    }

    /// [`request_cancel`](Run::request_cancel), its retries within `within`.
    pub(super) fn request_cancel_within(&self, within: Duration) -> Result<(), Error> {
        match self.send_cancel(within) {
            Err(Error::Api { status: 404, .. }) => Ok(()),
            other => other,
        }
    }

    /// `DELETE /jobs/{id}/runs/{run_id}`, the cancel alone, retried as the client retries a
    /// DELETE but never starting an attempt later than `within` after the first.
    fn send_cancel(&self, within: Duration) -> Result<(), Error> {
        let request = HttpRequest {
            verb: "DELETE",
            path_and_query: self.path(""),
            headers: Vec::new(),
            body: None,
        };
        let retry = self.client.config().retry();
        let retry = Retry {
            max_elapsed: retry.max_elapsed.min(within),
            ..retry
        };
        self.client.execute_with(&request, retry).map(drop)
    }
}
