//! One template run once per set of arguments, a few at a time: civis-python's
//! `CustomScriptExecutor`, with a concurrency limit, re-runs and a stop on the first failure.

use std::collections::VecDeque;
use std::time::Duration;

use serde::Serialize;
use serde_json::{json, Value};

use super::set::AsCompleted;
use super::template::{not_json, CustomScript};
use super::{FinishedRun, Run};
use crate::data::error::Error;

/// The runs of a template, one per set of arguments: made by
/// [`CustomScript::fan_out`](crate::runs::CustomScript::fan_out).
///
/// Each run's arguments are the script's, updated by its set, and, when this program itself
/// runs inside Civis (`CIVIS_JOB_ID` and `CIVIS_RUN_ID` are set), by `CIVIS_PARENT_JOB_ID` and
/// `CIVIS_PARENT_RUN_ID` holding them, as civis-python's executors add them. At most
/// [`at_most`](FanOut::at_most) runs go at once (all of them unless set); the next set starts
/// as soon as a run ends. All runs are waited on from this thread, in rounds on one schedule
/// within the rate limit, as [`RunSet`](crate::runs::RunSet) waits.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// use serde_json::json;
/// let states = ["IL", "WI", "MN", "IA"];
/// for done in client
///     .custom_script(9, json!({}))
///     .fan_out(states.map(|state| json!({"STATE": state})))
///     .at_most(2)
///     .max_retries(1)
///     .cancel_on_failure(true)
///     .as_completed()
/// {
///     println!("{} {:?}", states[done.index], done.outcome.map(|run| run.state));
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "a fan-out starts nothing until it is waited on"]
pub struct FanOut<'c> {
    script: CustomScript<'c>,
    sets: Vec<Result<Value, String>>,
    at_most: usize,
    max_retries: u32,
    cancel_on_failure: bool,
    timeout: Option<Duration>,
}

/// How one set of arguments of a [`FanOut`] ended.
#[derive(Debug)]
pub struct TemplateOutcome {
    /// The set's place among the sets given, from 0.
    pub index: usize,
    /// The arguments the run was made with (the set's, over the script's, with the parent
    /// ids), or the set as given when it was never started.
    pub arguments: Value,
    /// The run of the last attempt; `None` when the set was never started (its start failed,
    /// or the fan-out stopped first).
    pub run: Option<Run>,
    /// The finished run (a failure is [`Error::JobFailed`]); a set never started is
    /// [`Error::NotStarted`], or the error of its start.
    pub outcome: Result<FinishedRun, Error>,
    /// The failures of the earlier attempts, oldest first.
    pub attempts: Vec<Error>,
}

impl<'c> FanOut<'c> {
    pub(super) fn new(script: CustomScript<'c>, sets: Vec<Result<Value, String>>) -> Self {
        Self {
            script,
            sets,
            at_most: usize::MAX,
            max_retries: 0,
            cancel_on_failure: false,
            timeout: None,
        }
    }

    /// Keeps at most `k` runs going at once (at least 1).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let fan_out = client.custom_script(9, serde_json::json!({})).fan_out([serde_json::json!({"N": 1})]).at_most(4);
    /// ```
    pub fn at_most(mut self, k: usize) -> Self {
        self.at_most = k.max(1);
        self
    }

    /// Starts a failed run's script again up to `n` times, as
    /// [`RunSet::max_retries`](crate::runs::RunSet::max_retries) does (civis-python's
    /// `max_n_retries`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let fan_out = client.custom_script(9, serde_json::json!({})).fan_out([serde_json::json!({"N": 1})]).max_retries(2);
    /// ```
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// When a run fails for good (its retries spent) or a set cannot be started: cancels the
    /// runs still going and starts no more; the sets not started end as
    /// [`Error::NotStarted`]. The cancelled runs are waited on for
    /// [`CANCEL_TIMEOUT`](crate::runs::CANCEL_TIMEOUT) at most, as
    /// [`RunSet::cancel_all`](crate::runs::RunSet::cancel_all) waits: one still going then ends
    /// as [`Error::WaitTimeout`]. Off by default: every set runs whatever the others do.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let fan_out = client.custom_script(9, serde_json::json!({})).fan_out([serde_json::json!({"N": 1})]).cancel_on_failure(true);
    /// ```
    pub fn cancel_on_failure(mut self, cancel: bool) -> Self {
        self.cancel_on_failure = cancel;
        self
    }

    /// Gives up on the runs still going `timeout` after the fan-out began, as
    /// [`RunSet::timeout`](crate::runs::RunSet::timeout) does; sets not started by then are
    /// not started.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// use std::time::Duration;
    /// let fan_out = client.custom_script(9, serde_json::json!({})).fan_out([serde_json::json!({"N": 1})]).timeout(Duration::from_secs(3600));
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Starts the runs and yields each set as it ends, in the order they end.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let first = client
    ///     .custom_script(9, serde_json::json!({}))
    ///     .fan_out([1, 2, 3].map(|n| serde_json::json!({"N": n})))
    ///     .as_completed()
    ///     .next();
    /// # Ok(()) }
    /// ```
    pub fn as_completed(self) -> FanOutRuns<'c> {
        let client = self.script.client();
        let config = client.config();
        let mut parent = serde_json::Map::new();
        if let Some(job) = config.job_id() {
            parent.insert("CIVIS_PARENT_JOB_ID".into(), json!(job));
        }
        if let Some(run) = config.run_id() {
            parent.insert("CIVIS_PARENT_RUN_ID".into(), json!(run));
        }
        let polling = self.script.polling_or(config.polling);
        FanOutRuns {
            waiting: AsCompleted::new(
                Some(config.clock.clone()),
                polling,
                self.timeout,
                self.max_retries,
                // Every run is started here, so it is known to be queued.
                true,
            ),
            arguments: vec![None; self.sets.len()],
            queue: self.sets.into_iter().enumerate().collect(),
            parent,
            script: self.script,
            at_most: self.at_most,
            cancel_on_failure: self.cancel_on_failure,
            timeout: self.timeout,
            stopped: false,
            ready: VecDeque::new(),
        }
    }

    /// Starts the runs, waits for all of them and returns every outcome in the order of the
    /// sets.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let outcomes = client
    ///     .custom_script(9, serde_json::json!({}))
    ///     .fan_out([1, 2, 3].map(|n| serde_json::json!({"N": n})))
    ///     .at_most(2)
    ///     .wait_all();
    /// let failed = outcomes.iter().filter(|o| o.outcome.is_err()).count();
    /// # Ok(()) }
    /// ```
    pub fn wait_all(self) -> Vec<TemplateOutcome> {
        let mut all: Vec<TemplateOutcome> = self.as_completed().collect();
        all.sort_by_key(|outcome| outcome.index);
        all
    }
}

/// The iterator of [`FanOut::as_completed`]: each set once, as its run ends.
#[derive(Debug)]
pub struct FanOutRuns<'c> {
    script: CustomScript<'c>,
    queue: VecDeque<(usize, Result<Value, String>)>,
    /// The arguments each started set was sent with, at its index until it is yielded.
    arguments: Vec<Option<Value>>,
    parent: serde_json::Map<String, Value>,
    waiting: AsCompleted,
    at_most: usize,
    cancel_on_failure: bool,
    timeout: Option<Duration>,
    stopped: bool,
    ready: VecDeque<TemplateOutcome>,
}

impl FanOutRuns<'_> {
    /// Cancels the runs still going, starts no more, and returns the outcome of every set not
    /// yet yielded (the cancelled runs once they are over, or as [`Error::WaitTimeout`] when
    /// still going after [`CANCEL_TIMEOUT`](crate::runs::CANCEL_TIMEOUT); the sets not started
    /// as [`Error::NotStarted`]).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let mut runs = client
    ///     .custom_script(9, serde_json::json!({}))
    ///     .fan_out([1, 2, 3].map(|n| serde_json::json!({"N": n})))
    ///     .at_most(1)
    ///     .as_completed();
    /// let first = runs.next();
    /// let rest = runs.cancel_all();
    /// # Ok(()) }
    /// ```
    pub fn cancel_all(mut self) -> Vec<TemplateOutcome> {
        self.stop("the fan-out was cancelled");
        let mut rest: Vec<TemplateOutcome> = self.collect();
        rest.sort_by_key(|outcome| outcome.index);
        rest
    }

    /// Cancels what goes and gives up the sets not started, saying `why`.
    fn stop(&mut self, why: &str) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        self.waiting.cancel_unfinished();
        for (index, set) in std::mem::take(&mut self.queue) {
            self.ready.push_back(TemplateOutcome {
                index,
                arguments: set.unwrap_or(Value::Null),
                run: None,
                outcome: Err(Error::NotStarted(format!(
                    "set {index} of the fan-out was not started: {why}"
                ))),
                attempts: Vec::new(),
            });
        }
    }

    /// Starts sets until `at_most` runs go or none is left.
    fn fill(&mut self) {
        while !self.stopped && self.waiting.unfinished() < self.at_most {
            let Some((index, set)) = self.queue.pop_front() else {
                return;
            };
            if self
                .timeout
                .is_some_and(|timeout| self.waiting.waited() >= timeout)
            {
                self.queue.push_front((index, set));
                self.stop("the fan-out's timeout passed first");
                return;
            }
            let arguments = match set {
                Ok(Value::Null) => json!({}),
                Ok(set) => set,
                Err(why) => {
                    let error = not_json(self.script.template_id(), &why);
                    self.failed_to_start(index, Value::Null, error);
                    continue;
                }
            };
            let mut more = arguments.clone();
            if let Value::Object(more) = &mut more {
                more.extend(self.parent.clone());
            }
            let started = self.script.arguments_with(&more).and_then(|sent| {
                let run = self.script.start_sending(sent.clone())?;
                Ok((run, sent))
            });
            match started {
                Ok((run, sent)) => {
                    self.arguments[index] = Some(sent);
                    self.waiting.push(index, run);
                }
                Err(error) => self.failed_to_start(index, arguments, error),
            }
        }
    }

    fn failed_to_start(&mut self, index: usize, arguments: Value, error: Error) {
        log::warn!("set {index} of the fan-out could not be started: {error}");
        self.ready.push_back(TemplateOutcome {
            index,
            arguments,
            run: None,
            outcome: Err(error),
            attempts: Vec::new(),
        });
        if self.cancel_on_failure {
            self.stop(&format!("set {index} could not be started"));
        }
    }
}

impl Iterator for FanOutRuns<'_> {
    type Item = TemplateOutcome;

    fn next(&mut self) -> Option<TemplateOutcome> {
        loop {
            if let Some(outcome) = self.ready.pop_front() {
                return Some(outcome);
            }
            self.fill();
            if !self.ready.is_empty() {
                continue;
            }
            let done = self.waiting.next()?;
            let failed = matches!(done.outcome, Err(Error::JobFailed { .. }));
            if failed && self.cancel_on_failure {
                self.stop(&format!("set {} failed", done.index));
            }
            let arguments = self
                .arguments
                .get_mut(done.index)
                .and_then(Option::take)
                .unwrap_or(Value::Null);
            // The next set starts now, not when the caller asks for the next outcome.
            self.fill();
            return Some(TemplateOutcome {
                index: done.index,
                arguments,
                run: Some(done.run),
                outcome: done.outcome,
                attempts: done.attempts,
            });
        }
    }
}

impl<'c> CustomScript<'c> {
    /// One run of the template per set of arguments, each over the script's own (see
    /// [`FanOut`]): civis-python's `CustomScriptExecutor`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use serde_json::json;
    /// let outcomes = client
    ///     .custom_script(9, json!({"YEAR": 2026}))
    ///     .fan_out(["IL", "WI", "MN"].map(|state| json!({"STATE": state})))
    ///     .at_most(2)
    ///     .wait_all();
    /// # Ok(()) }
    /// ```
    pub fn fan_out<A: Serialize>(self, argument_sets: impl IntoIterator<Item = A>) -> FanOut<'c> {
        let sets = argument_sets
            .into_iter()
            .map(|set| serde_json::to_value(set).map_err(|e| e.to_string()))
            .collect();
        FanOut::new(self, sets)
    }
}
