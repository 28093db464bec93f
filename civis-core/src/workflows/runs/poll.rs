//! The rules every wait's polls keep: one poll as a wait sends it (tried once, its failures
//! handed back to the wait), which failures a wait rides out, and the pause before the next
//! round (the schedule, stretched to stay under the rate limit and by what a failed poll asked
//! for, cut to the timeout).

use std::time::Duration;

use crate::data::error::Error;
use crate::data::response::{Headers, RawResponse, Response};
use crate::data::run_state::RunState;
use crate::transport::client::{classify_call, Attempt, Client};
use crate::transport::request::get_request;
use crate::transport::retry::{self, Failed, Fault, Retrier, Verdict};

use super::run::{state_of, Run};

/// How long the polls of a wait may keep failing with what may pass (a 5xx or 429 answer, a
/// dropped or refused connection) before the wait gives up: 10 minutes in a row. Each failure
/// is logged at `warn`.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::runs::POLL_OUTAGE_LIMIT.as_secs(), 600);
/// ```
pub const POLL_OUTAGE_LIMIT: Duration = Duration::from_secs(600);

/// Whether a poll's failure may pass: the API's 5xx, a 429 (whatever its `Retry-After`), or no
/// answer at all.
pub(super) fn is_transient(error: &Error) -> bool {
    matches!(
        error,
        Error::Api {
            status: 429 | 500..=599,
            ..
        } | Error::Transport { .. }
    )
}

/// A wait's poll that failed: why, and the headers of the answer when there was one (its
/// `Retry-After` stretches the wait's next pause). Boxed where it is returned, as [`Failed`].
pub(super) struct PollFailed {
    /// The poll's error.
    pub error: Error,
    /// The failed answer's status and headers; `None` when there was no answer.
    pub headers: Option<Headers>,
}

/// How a wait's poll is classified: as any GET ([`classify_call`]), except that only a
/// connection closed before an answer (a keep-alive connection the server had dropped) is tried
/// again, at once. Every other failure goes back to the wait, which rides out what may pass on
/// its own pace (its pauses, backing off and never shorter than `Retry-After`, the outage
/// limit, its timeout): the transport's retry waits would outlast a wait's timeout, and in a
/// set one poll's would hold up every other run's poll of the round.
fn classify_poll(path: &str, attempt: Attempt) -> Result<RawResponse, Box<Failed>> {
    classify_call("GET", path, attempt).map_err(|mut failed| {
        if !matches!(failed.fault, Fault::ClosedBeforeAnswer) {
            failed.verdict = Verdict::GiveUp;
        }
        failed
    })
}

impl Run {
    /// One poll of a wait (`GET /jobs/{id}/runs/{run_id}`), classified by [`classify_poll`]:
    /// the run's state and the API's whole answer.
    pub(super) fn poll_in_wait(&self) -> Result<(RunState, Response), Box<PollFailed>> {
        let request = get_request(&self.path(""), &[]);
        let path = request.path_and_query.as_str();
        let config = self.client.config();
        let mut headers = None;
        let answer = Retrier::new(config.retry(), config.clock.clone()).run(
            &format_args!("GET {path}"),
            || {
                classify_poll(path, self.client.attempt(&request)).inspect_err(|failed| {
                    headers = match &failed.fault {
                        Fault::Answer(answered) => Some(answered.clone()),
                        _ => None,
                    };
                })
            },
            || Ok(None),
        );
        let failed = |error| {
            Box::new(PollFailed {
                error,
                headers: None,
            })
        };
        match answer {
            Ok(raw) => {
                let response = Response::from_raw(raw, request.verb, path).map_err(failed)?;
                Ok((state_of(&response), response))
            }
            Err(error) => Err(Box::new(PollFailed { error, headers })),
        }
    }
}

/// How long a wait pauses after the `failures`-th failed poll in a row of a run that may
/// pass: the transport's wait before a retry (random exponential, never shorter than the
/// answer's `Retry-After`), so that polls back off during an outage as retries do.
pub(super) fn backoff(client: &Client, failures: u32, headers: Option<&Headers>) -> Duration {
    let config = client.config();
    retry::wait(&config.retry(), config.clock.as_ref(), failures, headers)
}

/// The pause before a wait's next round of `polls` polls: the schedule's next interval,
/// stretched when the API's rate limit asks for more (see [`RunSet`](super::RunSet); logged at
/// `info` the first time it does in this wait, which `slowed` remembers), never shorter than
/// `at_least` (what the last round's failed polls asked for), then cut to what is left of
/// `timeout` after `waited`.
pub(super) fn next_pause(
    client: &Client,
    intervals: &mut dyn Iterator<Item = Duration>,
    (waited, timeout): (Duration, Option<Duration>),
    polls: usize,
    (slowed, at_least): (&mut bool, Duration),
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
    }
    .max(at_least);
    match timeout {
        Some(timeout) => pause.min(timeout.saturating_sub(waited)),
        None => pause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::client::tests::{answer, no_answer};

    fn verdict(attempt: Attempt) -> Option<Verdict> {
        classify_poll("/x", attempt).err().map(|f| f.verdict)
    }

    #[test]
    fn a_polls_failures_go_back_to_the_wait_but_a_stale_connection_is_reopened() {
        for status in [429, 500, 502, 503, 504, 403] {
            assert_eq!(verdict(answer(status)), Some(Verdict::GiveUp), "{status}");
        }
        assert_eq!(verdict(no_answer(Fault::Connect)), Some(Verdict::GiveUp));
        assert_eq!(verdict(no_answer(Fault::NoAnswer)), Some(Verdict::GiveUp));
        assert_eq!(
            verdict(no_answer(Fault::ClosedBeforeAnswer)),
            Some(Verdict::Retry)
        );
    }

    #[test]
    fn what_may_pass_is_a_5xx_a_429_or_no_answer() {
        let api = |status| Error::Api {
            status,
            message: String::new(),
            method: "GET".into(),
            path: "/x".into(),
        };
        assert!(is_transient(&api(429)));
        assert!(is_transient(&api(500)));
        assert!(is_transient(&api(503)));
        assert!(!is_transient(&api(403)));
        assert!(!is_transient(&api(404)));
    }
}
