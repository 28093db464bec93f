//! The rules every wait's polls keep: the pause before the next round (the schedule, stretched
//! to stay under the rate limit, cut to the timeout) and how long an outage is ridden out.

use std::time::Duration;

use crate::data::error::Error;
use crate::transport::client::Client;

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

/// The pause before a wait's next round of `polls` polls: the schedule's next interval,
/// stretched when the API's rate limit asks for more (see [`RunSet`]; logged at `info` the first
/// time it does in this wait, which `slowed` remembers), then cut to what is left of `timeout`
/// after `waited`.
pub(super) fn next_pause(
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
