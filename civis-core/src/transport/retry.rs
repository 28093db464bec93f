//! When to repeat a request, and how long to wait first: civis-python's tenacity settings
//! (random exponential wait, never less than `Retry-After`, 10 attempts or 600 s), with the clock
//! and the random source replaceable so that tests need not wait.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, Instant, SystemTime};

use crate::data::response::Headers;

/// How failed requests are retried (civis-python's `retry_total` and its wait rules).
///
/// Retried are 429, 502, 503 and 504 for GET, PUT, DELETE, HEAD, OPTIONS and TRACE, and 429 and
/// 503 for POST; PATCH is never retried. The wait is random exponential (multiplier 2 s, at
/// most 60 s) and never shorter than the server's `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// How many times a request may be repeated after the first attempt.
    pub total: u32,
    /// No retry starts after this much time has passed since the first attempt.
    pub max_elapsed: Duration,
    /// The multiplier of the exponential wait.
    pub multiplier: Duration,
    /// The longest wait between two attempts.
    pub max_wait: Duration,
}

impl Default for Retry {
    /// 10 attempts in at most 600 s, as civis-python.
    fn default() -> Self {
        Self {
            total: 9,
            max_elapsed: Duration::from_secs(600),
            multiplier: Duration::from_secs(2),
            max_wait: Duration::from_secs(60),
        }
    }
}

impl Retry {
    /// Never retry.
    pub fn none() -> Self {
        Self {
            total: 0,
            ..Self::default()
        }
    }

    /// Retry at most `total` times (civis-python's `retry_total`).
    pub fn total(total: u32) -> Self {
        Self {
            total,
            ..Self::default()
        }
    }
}

const RETRY_CODES: &[u16] = &[429, 502, 503, 504];
const RETRY_VERBS: &[&str] = &["HEAD", "TRACE", "GET", "PUT", "OPTIONS", "DELETE"];
const POST_RETRY_CODES: &[u16] = &[429, 503];

/// Waits are capped so that a hostile `Retry-After` cannot stall a program for days.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(600);

/// Time and chance as the retry loop sees them. The default is the system's; tests put in one
/// that records waits instead of sleeping.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> Instant;
    /// Waits for `duration`.
    fn sleep(&self, duration: Duration);
    /// A random number in `[0, 1)`, for the jitter of the exponential wait.
    fn random(&self) -> f64;
}

/// The real clock: `Instant::now`, `thread::sleep`, and randomness from the standard library's
/// per-process random keys (jitter needs no cryptographic quality, only independence).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }

    fn random(&self) -> f64 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(0x9e37_79b9_7f4a_7c15);
        (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Whether a `verb` answered with `status` may be sent again.
pub fn is_retryable(verb: &str, status: u16) -> bool {
    if verb.eq_ignore_ascii_case("POST") {
        POST_RETRY_CODES.contains(&status)
    } else {
        is_idempotent(verb) && RETRY_CODES.contains(&status)
    }
}

/// The verbs that may be repeated after a failure to connect (PATCH and POST never are).
pub fn is_idempotent(verb: &str) -> bool {
    RETRY_VERBS.iter().any(|v| v.eq_ignore_ascii_case(verb))
}

/// Whether another attempt may follow `attempts` attempts when it would start `starts_at`
/// after the first one (the wait before it included, so that no attempt starts past the limit).
pub(crate) fn may_retry(policy: &Retry, attempts: u32, starts_at: Duration) -> bool {
    attempts <= policy.total && starts_at < policy.max_elapsed
}

/// Failures to connect (refused, unreachable, DNS) are retried at most this many times, and
/// never past `policy.total`: they mean a wrong or down endpoint far more often than a busy one,
/// so the long waits meant for a busy server would only delay the error by minutes.
pub(crate) const CONNECT_RETRIES: u32 = 3;

/// No retry after a failure to connect starts later than this after the first attempt.
pub(crate) const CONNECT_RETRY_WINDOW: Duration = Duration::from_secs(5);

/// The wait before connection retry number `retry` (from 1), `elapsed` after the first attempt,
/// or `None` when the rule for failures to connect says to give up: past [`CONNECT_RETRIES`]
/// (or `policy.total`), or past [`CONNECT_RETRY_WINDOW`]. The one rule of API calls, storage
/// transfers and run POSTs.
pub(crate) fn connect_retry(policy: &Retry, retry: u32, elapsed: Duration) -> Option<Duration> {
    let wait = connect_wait(retry);
    (retry <= CONNECT_RETRIES.min(policy.total) && elapsed + wait <= CONNECT_RETRY_WINDOW)
        .then_some(wait)
}

/// The wait before connection retry number `retry` (from 1): 0.5 s, 1 s, 2 s.
pub(crate) fn connect_wait(retry: u32) -> Duration {
    Duration::from_millis(500) * (1 << retry.saturating_sub(1).min(8))
}

/// How long to wait before attempt `attempts + 1` after an answer that may be retried.
pub(crate) fn wait(
    policy: &Retry,
    clock: &dyn Clock,
    attempts: u32,
    headers: Option<&Headers>,
) -> Duration {
    let retry_after = headers
        .and_then(|h| h.get("retry-after"))
        .and_then(parse_retry_after)
        .unwrap_or_default()
        .min(MAX_RETRY_AFTER);
    random_exponential(policy, clock, attempts).max(retry_after)
}

/// tenacity's `wait_random_exponential`: uniform in `[0, min(max, multiplier * 2^(n-1))]`.
fn random_exponential(policy: &Retry, clock: &dyn Clock, attempts: u32) -> Duration {
    let exponent = attempts.saturating_sub(1).min(31);
    let high = policy
        .multiplier
        .saturating_mul(1 << exponent)
        .min(policy.max_wait);
    high.mul_f64(clock.random().clamp(0.0, 1.0))
}

/// `Retry-After` as seconds (possibly fractional, as civis-python reads it) or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0)
            .then(|| Duration::from_secs_f64(seconds.min(1e6)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Fixed(f64);

    impl Clock for Fixed {
        fn now(&self) -> Instant {
            Instant::now()
        }
        fn sleep(&self, _: Duration) {}
        fn random(&self) -> f64 {
            self.0
        }
    }

    fn headers(retry_after: &str) -> Headers {
        Headers {
            status: 429,
            entries: vec![("Retry-After".into(), retry_after.into())],
        }
    }

    #[test]
    fn verbs_and_codes_follow_civis_python() {
        assert!(is_retryable("GET", 503));
        assert!(is_retryable("DELETE", 504));
        assert!(is_retryable("POST", 429));
        assert!(!is_retryable("POST", 502));
        assert!(!is_retryable("PATCH", 503));
        assert!(!is_retryable("GET", 500));
    }

    #[test]
    fn wait_is_random_exponential_and_at_least_retry_after() {
        let policy = Retry::default();
        assert_eq!(wait(&policy, &Fixed(0.5), 1, None), Duration::from_secs(1));
        assert_eq!(wait(&policy, &Fixed(0.5), 3, None), Duration::from_secs(4));
        assert_eq!(
            wait(&policy, &Fixed(0.99), 20, None),
            Duration::from_secs(60).mul_f64(0.99)
        );
        assert_eq!(
            wait(&policy, &Fixed(0.0), 1, Some(&headers("2"))),
            Duration::from_secs(2)
        );
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let from_date = wait(&policy, &Fixed(0.0), 1, Some(&headers(&later)));
        assert!(
            from_date > Duration::from_secs(28) && from_date <= Duration::from_secs(30),
            "{from_date:?}"
        );
        assert_eq!(
            wait(&policy, &Fixed(0.0), 1, Some(&headers("soon"))),
            Duration::ZERO
        );
    }

    #[test]
    fn attempts_and_time_are_bounded() {
        let policy = Retry::default();
        assert!(may_retry(&policy, 9, Duration::from_secs(599)));
        assert!(!may_retry(&policy, 10, Duration::ZERO));
        assert!(!may_retry(&policy, 1, Duration::from_secs(600)));
        assert!(!may_retry(&Retry::none(), 1, Duration::ZERO));
    }

    #[test]
    fn connection_retries_fit_in_their_window() {
        let waits: Vec<Duration> = (1..=CONNECT_RETRIES).map(connect_wait).collect();
        assert_eq!(waits, [500, 1000, 2000].map(Duration::from_millis));
        assert!(waits.iter().sum::<Duration>() < CONNECT_RETRY_WINDOW);
    }
}
