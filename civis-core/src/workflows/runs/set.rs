//! Many runs waited on from one thread: civis-python's `concurrent.futures.wait` and
//! `as_completed` over `CivisFuture`s, without a poller per run.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::cancel::CANCEL_TIMEOUT;
use super::poll::{backoff, is_transient, next_pause, PollFailed, POLL_OUTAGE_LIMIT};
use super::run::Run;
use super::{FinishedRun, Polling, RunState};
use crate::data::error::Error;
use crate::data::run_state::from_job_run;
use crate::transport::retry::Clock;

/// Runs waited on together. Every unfinished run is polled once per round and the rounds are
/// spaced by one schedule ([`Polling`], civis-python's 1 s growing by 1.2× up to 15 s unless
/// set), so a hundred runs cost a hundred polls a round from one thread, not a hundred
/// threads each on its own schedule.
///
/// The rounds also keep to the API's rate limit: every answer to a GET says how many calls are
/// left (`X-RateLimit-Remaining` of `X-RateLimit-Limit`, until `X-RateLimit-Reset`, or for 300 s
/// when the API does not say; a reset of 0, or one already past, is now), and a round of n
/// polls waits at least long enough that n polls a round cannot spend what is left, less a
/// tenth of the limit kept for the script's other calls; when that cannot pay for a round, it
/// waits for the reset (900 s at most). So polling slows as the budget falls, logged at `info`
/// once a wait, instead of meeting 429s. [`Run::wait`] does the same for its one poll a round.
///
/// Each poll is sent once (a connection the server had closed is reopened at once), not
/// retried by the transport: a poll answered 429 or 5xx, or not answered, leaves its run going
/// and the set polls it again next round, for [`POLL_OUTAGE_LIMIT`](super::POLL_OUTAGE_LIMIT)
/// in a row at most, that run's wait ending then with the poll's error. The next round then
/// waits at least what the failure asks: its `Retry-After`, and during an outage the back-off
/// of the client's [`Retry`](crate::config::Retry) (random exponential, up to 60 s). So no
/// poll's retry waits hold up the other runs' polls of the round, and a timeout ends the wait
/// whatever the polls answer.
///
/// Without a [`timeout`](RunSet::timeout) the set waits as long as its runs go, as
/// [`Run::wait`] does; with one, each run still going when it passes ends as
/// [`Error::WaitTimeout`] (the run goes on in Civis).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// use civis::runs::RunSet;
/// let runs = [11, 12, 13].map(|job| client.run_job(job)).into_iter().collect::<Result<Vec<_>, _>>()?;
/// for done in RunSet::new(runs).as_completed() {
///     match done.outcome {
///         Ok(finished) => println!("job {} is {}", finished.job_id, finished.state),
///         Err(error) => eprintln!("run {} of the set: {error}", done.index),
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Default)]
pub struct RunSet {
    runs: Vec<Run>,
    polling: Option<Polling>,
    timeout: Option<Duration>,
    max_retries: u32,
    on_state: Option<OnState>,
}

/// What is told the state of each unfinished run after each of its polls.
type OnState = Box<dyn FnMut(usize, &RunState) + Send>;

impl std::fmt::Debug for RunSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunSet")
            .field("runs", &self.runs)
            .field("polling", &self.polling)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .finish_non_exhaustive()
    }
}

/// A run of a [`RunSet`] that is over: its place in the set, the run, and how it ended (as
/// [`Run::wait`] returns it: a failed run is [`Error::JobFailed`]).
#[derive(Debug)]
pub struct Completed {
    /// The run's place in the set, from 0, in the order the runs were given.
    pub index: usize,
    /// The run (for its outputs, its log, a new attempt).
    pub run: Run,
    /// The finished run, or why it is not one: that of the last attempt.
    pub outcome: Result<FinishedRun, Error>,
    /// The failures of the earlier attempts, oldest first, each naming its run (empty unless
    /// [`max_retries`](RunSet::max_retries) started the job again).
    pub attempts: Vec<Error>,
}

impl RunSet {
    /// A set of `runs`, in this order.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let set = civis::runs::RunSet::new([client.job_run(42, 7), client.job_run(43, 8)]);
    /// assert_eq!(set.len(), 2);
    /// # Ok(()) }
    /// ```
    pub fn new(runs: impl IntoIterator<Item = Run>) -> Self {
        Self {
            runs: runs.into_iter().collect(),
            polling: None,
            timeout: None,
            max_retries: 0,
            on_state: None,
        }
    }

    /// Adds `run` at the end of the set.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let mut set = civis::runs::RunSet::default();
    /// for job in [11, 12] {
    ///     set.push(client.run_job(job)?);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn push(&mut self, run: Run) {
        self.runs.push(run);
    }

    /// How many runs the set holds.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert_eq!(civis::runs::RunSet::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Whether the set holds no run.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert!(civis::runs::RunSet::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The runs, in the set's order.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let set = civis::runs::RunSet::new([client.job_run(42, 7)]);
    /// assert_eq!(set.runs()[0].run_id(), 7);
    /// # Ok(()) }
    /// ```
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// The schedule of the rounds of polls (by default the first run's, which is the client's
    /// unless the run was given another).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// let set = civis::runs::RunSet::new([client.job_run(42, 7)])
    ///     .polling(civis::runs::Polling::every(Duration::from_secs(5)));
    /// # Ok(()) }
    /// ```
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = Some(polling);
        self
    }

    /// Gives up on the runs still going `timeout` after the wait began: each ends as
    /// [`Error::WaitTimeout`] with its last state; the runs are not cancelled.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// let outcomes = civis::runs::RunSet::new([client.job_run(42, 7)])
    ///     .timeout(Duration::from_secs(3600))
    ///     .wait_all();
    /// # Ok(()) }
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Starts a job again (`POST /jobs/{id}/runs`) when its run fails, up to `retries` times
    /// per run of the set, as civis-python's `CivisFuture(max_n_retries=)` does: a failed run
    /// only ([`Error::JobFailed`]), not a cancelled one or a poll's error. Each new attempt is
    /// logged at `warn`; the failures before the last attempt are in
    /// [`Completed::attempts`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let done = civis::runs::RunSet::new([client.run_job(42)?]).max_retries(2).wait_all();
    /// println!("{} failed attempt(s) before the last", done[0].attempts.len());
    /// # Ok(()) }
    /// ```
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Calls `f` with the index and state of each run still going, after each of its polls:
    /// to show progress (the CLI's `civis jobs run` draws one line per run with it).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let done = civis::runs::RunSet::new([client.run_job(11)?, client.run_job(12)?])
    ///     .on_state(|index, state| eprintln!("run {index} is {state}"))
    ///     .wait_all();
    /// # Ok(()) }
    /// ```
    pub fn on_state(mut self, f: impl FnMut(usize, &RunState) + Send + 'static) -> Self {
        self.on_state = Some(Box::new(f));
        self
    }

    /// The runs as each ends, in the order they end (to the round of polls that saw it).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let set = civis::runs::RunSet::new([client.job_run(42, 7), client.job_run(43, 8)]);
    /// let first = set.as_completed().next().expect("a run of the set");
    /// println!("run {} ended first", first.run.run_id());
    /// # Ok(()) }
    /// ```
    pub fn as_completed(self) -> AsCompleted {
        let polling = self
            .polling
            .or_else(|| self.runs.first().map(|run| run.polling))
            .unwrap_or_default();
        let clock = self
            .runs
            .first()
            .map(|run| run.client.config().clock.clone());
        // Runs started here are known to be queued: a first poll at once would be wasted.
        let pause = !self.runs.is_empty() && self.runs.iter().all(|run| run.started_here);
        let mut waiting = AsCompleted::new(clock, polling, self.timeout, self.max_retries, pause);
        waiting.on_state = self.on_state;
        for (index, run) in self.runs.into_iter().enumerate() {
            waiting.push(index, run);
        }
        waiting
    }

    /// Waits for every run and returns every outcome, in the set's order: a failure does not
    /// stop the wait for the others.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let set = civis::runs::RunSet::new([client.run_job(11)?, client.run_job(12)?]);
    /// let failed = set.wait_all().iter().filter(|done| done.outcome.is_err()).count();
    /// # Ok(()) }
    /// ```
    pub fn wait_all(self) -> Vec<Completed> {
        let mut all: Vec<Completed> = self.as_completed().collect();
        all.sort_by_key(|done| done.index);
        all
    }

    /// Asks the API to cancel every run (`DELETE /jobs/{id}/runs/{run_id}`), then waits for
    /// all of them as [`wait_all`](RunSet::wait_all) does, for
    /// [`CANCEL_TIMEOUT`](super::CANCEL_TIMEOUT) at most (2 minutes, as [`Run::cancel`]; the
    /// set's [`timeout`](RunSet::timeout) when that is shorter): normally each ends `cancelled`;
    /// one that was over already ends as it ended; one still going at the bound (a run that
    /// accepted the cancel but never stops) ends as [`Error::WaitTimeout`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let set = civis::runs::RunSet::new([client.run_job(11)?, client.run_job(12)?]);
    /// for done in set.cancel_all() {
    ///     println!("{:?}", done.outcome.map(|run| run.state));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn cancel_all(self) -> Vec<Completed> {
        let mut waiting = self.as_completed();
        waiting.cancel_unfinished();
        let mut all: Vec<Completed> = waiting.collect();
        all.sort_by_key(|done| done.index);
        all
    }
}

/// A run of the set still going, with its earlier failed attempts.
struct Pending {
    index: usize,
    run: Run,
    attempts: Vec<Error>,
    /// Since when its polls have failed with what may pass (a 5xx, a 429, a dropped
    /// connection), and how many in a row.
    unreachable_since: Option<std::time::Instant>,
    failures: u32,
    /// The state its last poll found, for the log of a wait on one run.
    last_state: Option<RunState>,
}

/// The iterator of [`RunSet::as_completed`]: each run of the set once, as it ends.
pub struct AsCompleted {
    pending: Vec<Pending>,
    max_retries: u32,
    done: VecDeque<Completed>,
    intervals: Box<dyn Iterator<Item = Duration> + Send>,
    clock: Option<Arc<dyn Clock>>,
    started: Option<Instant>,
    timeout: Option<Duration>,
    pause: bool,
    total: usize,
    /// The count of unfinished runs last logged.
    reported: usize,
    /// Whether the rate limit has slowed this wait's polling yet (it is logged once).
    slowed: bool,
    /// The least pause before the next round: what its failed polls asked for (their
    /// `Retry-After`, the back-off of an outage).
    at_least: Duration,
    on_state: Option<OnState>,
}

impl std::fmt::Debug for AsCompleted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsCompleted")
            .field("pending", &self.pending.len())
            .field("done", &self.done.len())
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl AsCompleted {
    /// A wait on no run yet, its rounds on `polling` and `clock` (none: the runs' client's),
    /// giving up after `timeout`, starting failed jobs again up to `max_retries` times, and
    /// pausing before its first round when `pause` says so.
    pub(crate) fn new(
        clock: Option<Arc<dyn Clock>>,
        polling: Polling,
        timeout: Option<Duration>,
        max_retries: u32,
        pause: bool,
    ) -> Self {
        Self {
            pending: Vec::new(),
            max_retries,
            done: VecDeque::new(),
            intervals: Box::new(polling.intervals()),
            started: clock.as_ref().map(|clock| clock.now()),
            clock,
            timeout,
            pause,
            total: 0,
            reported: usize::MAX,
            slowed: false,
            at_least: Duration::ZERO,
            on_state: None,
        }
    }

    /// Adds `run`, to be reported with `index`, to the runs waited on.
    pub(crate) fn push(&mut self, index: usize, run: Run) {
        if self.clock.is_none() {
            let clock = run.client.config().clock.clone();
            self.started = Some(clock.now());
            self.clock = Some(clock);
        }
        self.total += 1;
        self.pending.push(Pending {
            index,
            run,
            attempts: Vec::new(),
            unreachable_since: None,
            failures: 0,
            last_state: None,
        });
    }

    /// How long the wait has lasted.
    pub(crate) fn waited(&self) -> Duration {
        match (&self.clock, self.started) {
            (Some(clock), Some(started)) => clock.now().duration_since(started),
            _ => Duration::ZERO,
        }
    }

    /// How many runs are still waited on.
    pub(crate) fn unfinished(&self) -> usize {
        self.pending.len()
    }

    /// Asks the API to cancel every run still waited on; the wait goes on until each is over,
    /// for [`CANCEL_TIMEOUT`] at most (the DELETEs' retries included; sooner when the wait's own
    /// timeout comes first): each run still going then ends as [`Error::WaitTimeout`]. A
    /// cancel the API refuses ends that run's wait with the refusal.
    pub(crate) fn cancel_unfinished(&mut self) {
        let bound = self.waited() + CANCEL_TIMEOUT;
        let bound = self.timeout.map_or(bound, |timeout| timeout.min(bound));
        self.timeout = Some(bound);
        let mut asked = Vec::with_capacity(self.pending.len());
        for pending in std::mem::take(&mut self.pending) {
            let left = bound.saturating_sub(self.waited());
            match pending.run.request_cancel_within(left) {
                Ok(()) => asked.push(pending),
                Err(error) => self.done.push_back(Completed {
                    index: pending.index,
                    run: pending.run,
                    outcome: Err(error),
                    attempts: pending.attempts,
                }),
            }
        }
        if !asked.is_empty() {
            log::info!(
                "cancel requested for {} run(s); waiting up to {:.0} s for them to stop",
                asked.len(),
                bound.saturating_sub(self.waited()).as_secs_f64()
            );
        }
        self.pending = asked;
        // Cancelled runs are not failures: nothing to start again.
        self.max_retries = 0;
    }

    /// One round: a poll of every unfinished run, the finished ones moved to `done` (or
    /// started again, when they failed and may be retried).
    fn poll_round(&mut self) {
        let mut going = Vec::with_capacity(self.pending.len());
        for Pending {
            index,
            run,
            mut attempts,
            unreachable_since,
            failures,
            last_state,
        } in std::mem::take(&mut self.pending)
        {
            let outcome = match run.poll_in_wait().map_err(|failed| *failed) {
                Ok((state, response)) if state.is_finished() => run.finished(state, response),
                Ok((state, _)) => {
                    if let Some(on_state) = self.on_state.as_mut() {
                        on_state(index, &state);
                    }
                    // A wait on one run says each state it finds; a larger set counts its runs.
                    if self.total == 1 && last_state.as_ref() != Some(&state) {
                        log::info!(
                            "{} is {state}; waiting (waited {:.1} s so far)",
                            from_job_run(run.job_id, run.run_id),
                            self.waited().as_secs_f64()
                        );
                    }
                    going.push((
                        Pending {
                            index,
                            run,
                            attempts,
                            unreachable_since: None,
                            failures: 0,
                            last_state: Some(state.clone()),
                        },
                        state,
                    ));
                    continue;
                }
                // A poll that fails with what may pass does not end the run's wait until the
                // API has been unreachable for POLL_OUTAGE_LIMIT in a row; the next round waits
                // at least what the failure asks (Retry-After), backing off as retries do.
                Err(PollFailed { error, headers }) if is_transient(&error) => {
                    let now = run.client.config().clock.now();
                    let since = unreachable_since.unwrap_or(now);
                    let down = now.duration_since(since);
                    if down >= POLL_OUTAGE_LIMIT {
                        Err(error)
                    } else {
                        let failures = failures + 1;
                        let pause = backoff(&run.client, failures, headers.as_ref());
                        self.at_least = self.at_least.max(pause);
                        log::warn!(
                            "{} could not be polled ({error}); polling on (unreachable for {:.0} s of at most {:.0} s)",
                            from_job_run(run.job_id, run.run_id),
                            down.as_secs_f64(),
                            POLL_OUTAGE_LIMIT.as_secs_f64()
                        );
                        going.push((
                            Pending {
                                index,
                                run,
                                attempts,
                                unreachable_since: Some(since),
                                failures,
                                last_state,
                            },
                            RunState::Other("unreachable".into()),
                        ));
                        continue;
                    }
                }
                Err(PollFailed { error, .. }) => Err(error),
            };
            match outcome {
                Err(failure @ Error::JobFailed { .. })
                    if attempts.len() < self.max_retries as usize =>
                {
                    log::warn!(
                        "{failure}; starting the job again (attempt {} of {})",
                        attempts.len() + 2,
                        self.max_retries + 1
                    );
                    attempts.push(failure);
                    match run.client.run_job(run.job_id) {
                        Ok(again) => self.pending.push(Pending {
                            index,
                            run: again.polling(run.polling),
                            attempts,
                            unreachable_since: None,
                            failures: 0,
                            last_state: None,
                        }),
                        Err(error) => self.done.push_back(Completed {
                            index,
                            run,
                            outcome: Err(error),
                            attempts,
                        }),
                    }
                }
                outcome => self.done.push_back(Completed {
                    index,
                    run,
                    outcome,
                    attempts,
                }),
            }
        }
        let waited = self.waited();
        if self.timeout.is_some_and(|timeout| waited >= timeout) {
            for (
                Pending {
                    index,
                    run,
                    attempts,
                    ..
                },
                state,
            ) in going
            {
                let outcome = Err(Error::WaitTimeout {
                    job_id: run.job_id,
                    run_id: run.run_id,
                    state,
                    waited,
                });
                self.done.push_back(Completed {
                    index,
                    run,
                    outcome,
                    attempts,
                });
            }
            return;
        }
        let still = going.len() + self.pending.len();
        if self.total > 1 && still > 0 && still != self.reported {
            log::info!(
                "{still} of {} run(s) still going; waiting (waited {:.1} s so far)",
                self.total,
                waited.as_secs_f64()
            );
            self.reported = still;
        }
        self.pending
            .extend(going.into_iter().map(|(pending, _)| pending));
    }
}

impl Iterator for AsCompleted {
    type Item = Completed;

    fn next(&mut self) -> Option<Completed> {
        loop {
            if let Some(done) = self.done.pop_front() {
                return Some(done);
            }
            if self.pending.is_empty() {
                return None;
            }
            if self.pause {
                if let (Some(clock), Some(started)) = (&self.clock, self.started) {
                    let waited = clock.now().duration_since(started);
                    let pause = next_pause(
                        &self.pending[0].run.client,
                        &mut self.intervals,
                        (waited, self.timeout),
                        self.pending.len(),
                        (&mut self.slowed, std::mem::take(&mut self.at_least)),
                    );
                    clock.sleep(pause);
                }
            }
            self.pause = true;
            self.poll_round();
        }
    }
}
