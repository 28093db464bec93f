//! The states of a run and a finished run, as the API reports them: data that the errors of
//! the transport and the run workflows share.

use std::fmt;

use crate::data::response::Response;

/// The state of a run, as the API names it.
///
/// civis-python raises `KeyError` on a state it does not know; here such a state is
/// [`RunState::Other`], which counts as not finished, so a new state in the API does not break
/// a wait.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::runs::RunState;
/// assert_eq!(RunState::from_api("success"), RunState::Succeeded);
/// assert!(!RunState::from_api("paused").is_finished());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RunState {
    /// `queued`: not started yet.
    Queued,
    /// `running`.
    Running,
    /// `succeeded` (or `success`, which some job types report).
    Succeeded,
    /// `failed`.
    Failed,
    /// `cancelled`.
    Cancelled,
    /// Any other state, or none: not finished.
    Other(String),
}

impl RunState {
    /// The state named `state` by the API.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert_eq!(civis::runs::RunState::from_api("failed"), civis::runs::RunState::Failed);
    /// ```
    pub fn from_api(state: &str) -> Self {
        match state {
            "queued" => Self::Queued,
            "running" => Self::Running,
            "succeeded" | "success" => Self::Succeeded,
            "failed" => Self::Failed,
            "cancelled" => Self::Cancelled,
            other => Self::Other(other.to_string()),
        }
    }

    /// Whether the run is over: succeeded, failed or cancelled.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert!(civis::runs::RunState::Cancelled.is_finished());
    /// assert!(!civis::runs::RunState::Running.is_finished());
    /// ```
    pub fn is_finished(&self) -> bool {
        matches!(self, Self::Succeeded | Self::Failed | Self::Cancelled)
    }

    /// The API's name of the state.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert_eq!(civis::runs::RunState::Queued.as_str(), "queued");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
            Self::Other(state) => state,
        }
    }
}

impl fmt::Display for RunState {
    /// The API's name of the state; a state the API left out reads `in no state`, so that
    /// messages (`still in no state after waiting 5 s`) stay readable.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_str() {
            "" => f.write_str("in no state"),
            name => f.write_str(name),
        }
    }
}

/// A run that is over: what [`Run::wait`](crate::runs::Run::wait) returns (civis-python's `CivisFuture.result()`).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let finished = client.job_run(42, 7).wait()?;
/// println!("{} from {:?} to {:?}", finished.state, finished.started_at, finished.finished_at);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct FinishedRun {
    /// The job's id.
    pub job_id: i64,
    /// The run's id.
    pub run_id: i64,
    /// `Succeeded`, `Failed` or `Cancelled`.
    pub state: RunState,
    /// When the run was queued.
    pub created_at: Option<String>,
    /// When it started.
    pub started_at: Option<String>,
    /// When it finished.
    pub finished_at: Option<String>,
    /// The API's error text, when it gave one.
    pub error: Option<String>,
    /// The whole answer of `GET /jobs/{id}/runs/{run_id}`, keys in snake_case.
    pub response: Response,
}

/// civis-python's `_err_msg_with_job_run_ids`, shared by the errors of a run.
pub(crate) fn from_job_run(job_id: i64, run_id: i64) -> String {
    format!("(From job {job_id} / run {run_id})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_state_reads_as_no_state() {
        assert_eq!(RunState::from_api("").to_string(), "in no state");
        assert_eq!(RunState::from_api("running").to_string(), "running");
    }
}
