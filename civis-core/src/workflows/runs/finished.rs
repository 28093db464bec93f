//! A run that is over: the finished run, or the error of a failed one, whose message comes
//! from the end of its log when the API gives none (civis-python's
//! `CivisFuture._exception_from_logs`).

use std::time::Duration;

use serde_json::Value;

use crate::data::error::Error;
use crate::data::response::Response;
use crate::data::run_state::{FinishedRun, RunState};

use super::logs::{fetch_page, LogEntry};
use super::run::Run;

/// How many of the last log lines make the message.
const LINES: u32 = 15;
/// The longest wait for the log of a failed run to be complete; civis-python always sleeps this
/// long before reading it.
const LOG_WAIT: Duration = Duration::from_secs(15);
/// The start of the line the platform writes when it kills a run for its memory.
const OUT_OF_MEMORY: &str = "Process ran out of its";

/// The message and whether the run ran out of memory, read from the end of the run's log.
pub(super) fn message_from_log(run: &Run) -> (String, bool) {
    let clock = run.client.config().clock.clone();
    let started = clock.now();
    let mut intervals = run.polling.intervals();
    let mut announced = false;
    loop {
        let page = match fetch_page(&run.client, run.job_id, run.run_id, None, LINES) {
            Ok(page) => page,
            Err(error) => {
                return (
                    format!("the run failed without an error message, and its log could not be read: {error}"),
                    false,
                )
            }
        };
        // Without `last_id` the API sends the newest lines first.
        let mut lines: Vec<LogEntry> = page.entries;
        lines.reverse();
        if let Some(line) = lines
            .iter()
            .find(|l| l.level == "error" && l.message.starts_with(OUT_OF_MEMORY))
        {
            return (line.message.clone(), true);
        }
        let waited = clock.now().duration_since(started);
        if page.complete || waited >= LOG_WAIT {
            if lines.is_empty() {
                return (
                    "the run failed without an error message or any log line".to_string(),
                    false,
                );
            }
            let text: Vec<&str> = lines.iter().map(|l| l.message.as_str()).collect();
            return (text.join("\n"), false);
        }
        if !announced {
            log::info!(
                "{} failed without an error message; waiting up to {} s for the end of its log",
                crate::data::run_state::from_job_run(run.job_id, run.run_id),
                LOG_WAIT.as_secs()
            );
            announced = true;
        }
        let interval = intervals.next().unwrap_or(LOG_WAIT);
        clock.sleep(interval.min(LOG_WAIT - waited));
    }
}

impl Run {
    /// The finished run, or the error of a failed one.
    pub(super) fn finished(
        &self,
        state: RunState,
        response: Response,
    ) -> Result<FinishedRun, Error> {
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
        // The one place every wait on a run (alone, in a set, in a fan-out) passes once the
        // run has succeeded.
        if run.state == RunState::Succeeded {
            self.succeeded();
        }
        if run.state != RunState::Failed {
            return Ok(run);
        }
        let (message, out_of_memory) = match error {
            Some(error) => (error, false),
            None => message_from_log(self),
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
