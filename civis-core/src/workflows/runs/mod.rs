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

mod cancel;
mod current;
mod fan_out;
mod finished;
mod logs;
mod outputs;
mod poll;
mod run;
mod set;
mod start;
// Only the SQL endings, behind `io`, start workflows of this kind.
#[cfg(feature = "io")]
mod started;
mod template;
mod wait;

pub use crate::data::run_state::{FinishedRun, RunState};
pub use crate::transport::polling::Polling;
pub use cancel::{CancelOnDrop, CANCEL_TIMEOUT};
pub use current::CurrentRun;
pub use fan_out::{FanOut, FanOutRuns, TemplateOutcome};
pub use logs::{LogEntry, Logs};
pub use outputs::RunOutput;
pub use poll::POLL_OUTAGE_LIMIT;
pub use run::{job_url, Run};
pub use set::{AsCompleted, Completed, RunSet};
#[cfg(feature = "io")]
pub use started::Started;
pub use template::CustomScript;
