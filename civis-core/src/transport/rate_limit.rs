//! The API's rate limit as its latest answers report it, and how far apart it asks polls to be.
//!
//! The API allows about 1,000 requests per user per 300 s and says how many are left in every
//! answer (`X-RateLimit-Limit`, `X-RateLimit-Remaining`, and `X-RateLimit-Reset` where given).
//! A wait on many runs polls each of them once a round; unspaced, a hundred runs on
//! civis-python's schedule make 2,000 polls in 300 s and meet 429s. Spacing the rounds by what is
//! left keeps polling alone from ever using the budget up.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::data::response::{Headers, RateLimit};

/// The period assumed when the API does not say when its budget comes back: the 300 s the API
/// documents (a budget that comes back sooner only makes the spacing cautious).
pub(crate) const DEFAULT_PERIOD: Duration = Duration::from_secs(300);

/// The longest pause the rate limit imposes on one round, however far away a stated reset is.
const LONGEST_PAUSE: Duration = Duration::from_secs(900);

/// The share of the limit polls leave to the script's other calls (downloads, lookups, new
/// runs): a tenth.
const RESERVE_DIVISOR: u64 = 10;

/// The share of the limit polls may spend on the caller's own schedule before the rate limit
/// spaces them: half. A short wait on a healthy budget then polls as asked (the first poll
/// included) instead of at the pace that would spread the whole budget over its period; once
/// half is spent, the spacing below spreads what is left, so polling alone still never meets a
/// 429.
const UNPACED_DIVISOR: u64 = 2;

/// A second past a stated reset, so a round that waited for it does not arrive just before it.
const PAST_RESET: Duration = Duration::from_secs(1);

/// The rate limit of the client's latest GET answer, shared by its clones. Only GET answers
/// count: polls are GETs, and run-creating POSTs have a budget of their own (100 per 300 s).
#[derive(Debug, Default)]
pub(crate) struct Budget {
    latest: Mutex<Option<Seen>>,
}

#[derive(Debug, Clone, Copy)]
struct Seen {
    limit: RateLimit,
    at: Instant,
}

impl Budget {
    /// Keeps the rate limit of an answer to a GET received at `now`, if it has one.
    pub(crate) fn record(&self, verb: &str, headers: &Headers, now: Instant) {
        if verb != "GET" {
            return;
        }
        if let Some(limit) = headers.rate_limit() {
            *self.lock() = Some(Seen { limit, at: now });
        }
    }

    /// The latest rate limit seen, its reset counted down to `now`.
    pub(crate) fn latest(&self, now: Instant) -> Option<RateLimit> {
        let seen = (*self.lock())?;
        let mut limit = seen.limit;
        limit.resets_in = limit
            .resets_in
            .map(|resets_in| resets_in.saturating_sub(now.duration_since(seen.at)));
        Some(limit)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Seen>> {
        self.latest
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The least pause before a round of `polls` polls, so that polling alone never spends the
/// budget: none while more than half the limit would be left after the round; then what is
/// left (less a tenth of the limit, kept for the script's other calls) spread evenly over the
/// time until the budget comes back; when what is left cannot pay for a round, the whole time
/// until then. Never more than 900 s. A reset of 0 (or one already past, counted
/// down to 0) is now: the budget is back, so the period is a second, not the 300 s assumed
/// when the API does not say.
pub(crate) fn spacing(limit: &RateLimit, polls: usize) -> Duration {
    let polls = polls as u64;
    if polls == 0 || limit.remaining >= limit.limit / UNPACED_DIVISOR + polls {
        return Duration::ZERO;
    }
    let period = limit
        .resets_in
        .map_or(DEFAULT_PERIOD, |resets_in| resets_in + PAST_RESET)
        .min(LONGEST_PAUSE);
    let usable = limit
        .remaining
        .saturating_sub(limit.limit / RESERVE_DIVISOR);
    if usable < polls {
        return period;
    }
    period.mul_f64(polls as f64 / usable as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(limit: u64, remaining: u64, resets_in: Option<u64>) -> RateLimit {
        RateLimit {
            limit,
            remaining,
            resets_in: resets_in.map(Duration::from_secs),
        }
    }

    #[test]
    fn the_first_half_of_the_budget_is_polled_as_asked() {
        // One run, or a hundred, on a budget that stays over half: no pause of the limit's.
        assert_eq!(spacing(&limit(1000, 1000, None), 1), Duration::ZERO);
        assert_eq!(spacing(&limit(1000, 999, Some(290)), 1), Duration::ZERO);
        assert_eq!(spacing(&limit(1000, 600, None), 100), Duration::ZERO);
        // A round that would leave half or less is spaced: 499 usable polls over 300 s.
        let hundred = spacing(&limit(1000, 599, None), 100);
        assert_eq!(hundred, Duration::from_secs(300).mul_f64(100.0 / 499.0));
        // A limit too small for a round to leave half is spaced from the first poll.
        assert!(spacing(&limit(60, 60, None), 100) > Duration::ZERO);
    }

    #[test]
    fn the_spacing_grows_as_the_budget_falls() {
        let mut last = Duration::ZERO;
        for remaining in [509, 500, 300, 200, 150] {
            let now = spacing(&limit(1000, remaining, Some(200)), 10);
            assert!(now > last, "{remaining} left: {now:?} after {last:?}");
            last = now;
        }
    }

    #[test]
    fn a_budget_that_cannot_pay_for_a_round_waits_for_the_reset() {
        assert_eq!(
            spacing(&limit(1000, 105, Some(40)), 10),
            Duration::from_secs(41)
        );
        assert_eq!(spacing(&limit(1000, 0, None), 1), DEFAULT_PERIOD);
        assert_eq!(
            spacing(&limit(1000, 0, Some(100_000)), 1),
            LONGEST_PAUSE,
            "a far reset is not waited for longer than 900 s"
        );
    }

    #[test]
    fn a_reset_of_zero_or_past_is_now_not_unknown() {
        assert_eq!(spacing(&limit(1000, 0, Some(0)), 1), PAST_RESET);
        assert!(spacing(&limit(1000, 1000, Some(0)), 10) < PAST_RESET);
        // Counted down past the reset: the same.
        let budget = Budget::default();
        let start = Instant::now();
        let headers = Headers {
            status: 200,
            entries: vec![
                ("X-RateLimit-Limit".into(), "1000".into()),
                ("X-RateLimit-Remaining".into(), "0".into()),
                ("X-RateLimit-Reset".into(), "5".into()),
            ],
        };
        budget.record("GET", &headers, start);
        let later = budget.latest(start + Duration::from_secs(60)).unwrap();
        assert_eq!(spacing(&later, 1), PAST_RESET);
    }

    #[test]
    fn only_get_answers_are_kept_and_their_reset_counts_down() {
        let budget = Budget::default();
        let headers = |remaining: &str| Headers {
            status: 200,
            entries: vec![
                ("X-RateLimit-Limit".into(), "1000".into()),
                ("X-RateLimit-Remaining".into(), remaining.into()),
                ("X-RateLimit-Reset".into(), "60".into()),
            ],
        };
        let start = Instant::now();
        budget.record("POST", &headers("99"), start);
        assert_eq!(budget.latest(start), None);
        budget.record("GET", &headers("990"), start);
        let later = budget.latest(start + Duration::from_secs(20)).unwrap();
        assert_eq!(later.remaining, 990);
        assert_eq!(later.resets_in, Some(Duration::from_secs(40)));
    }
}
