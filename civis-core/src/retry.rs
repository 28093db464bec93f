//! When to repeat a request, and how long to wait first (civis-python's tenacity settings:
//! random exponential wait, at least `Retry-After`, 10 attempts or 600 s).

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use crate::config::Retry;
use crate::response::RawResponse;

const RETRY_CODES: &[u16] = &[429, 502, 503, 504];
const RETRY_VERBS: &[&str] = &["HEAD", "TRACE", "GET", "PUT", "OPTIONS", "DELETE"];
const POST_RETRY_CODES: &[u16] = &[429, 503];

/// Waits are capped so that a hostile `Retry-After` cannot stall a program for days.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(600);

/// Whether a `verb` answered with `status` may be sent again.
pub fn is_retryable(verb: &str, status: u16) -> bool {
    if verb.eq_ignore_ascii_case("POST") {
        POST_RETRY_CODES.contains(&status)
    } else {
        RETRY_VERBS.iter().any(|v| v.eq_ignore_ascii_case(verb)) && RETRY_CODES.contains(&status)
    }
}

/// How long to wait before attempt `attempts + 1`, or `None` when the answer stands.
pub(crate) fn wait_before_retry(
    policy: &Retry,
    verb: &str,
    response: &RawResponse,
    attempts: u32,
    elapsed: Duration,
) -> Option<Duration> {
    if !is_retryable(verb, response.status)
        || attempts > policy.total
        || elapsed >= policy.max_elapsed
    {
        return None;
    }
    let retry_after = response
        .header("retry-after")
        .and_then(parse_retry_after)
        .unwrap_or_default();
    Some(random_exponential(policy, attempts).max(retry_after.min(MAX_RETRY_AFTER)))
}

/// tenacity's `wait_random_exponential`: uniform in `[0, min(max, multiplier * 2^(n-1))]`.
fn random_exponential(policy: &Retry, attempts: u32) -> Duration {
    let exponent = attempts.saturating_sub(1).min(31);
    let high = policy
        .multiplier
        .saturating_mul(1 << exponent)
        .min(policy.max_wait);
    high.mul_f64(random_unit())
}

/// A random number in `[0, 1)`, from the standard library's per-process random keys (the
/// jitter needs no cryptographic quality, only independence between clients).
fn random_unit() -> f64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(0x9e37_79b9_7f4a_7c15);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// `Retry-After` as seconds (possibly fractional, as civis-python reads it).
fn parse_retry_after(value: &str) -> Option<Duration> {
    let seconds: f64 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(1e6)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn wait_is_at_least_retry_after_and_stops_after_total() {
        let response = RawResponse {
            status: 429,
            headers: vec![("retry-after".into(), "2".into())],
            body: Vec::new(),
        };
        let policy = Retry::total(2);
        let wait = wait_before_retry(&policy, "POST", &response, 1, Duration::ZERO).unwrap();
        assert!(wait >= Duration::from_secs(2));
        assert!(wait_before_retry(&policy, "POST", &response, 3, Duration::ZERO).is_none());
        assert!(wait_before_retry(&Retry::none(), "GET", &response, 1, Duration::ZERO).is_none());
    }
}
