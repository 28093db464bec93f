//! When to repeat a request, and how long to wait first: civis-python's tenacity settings
//! (random exponential wait, never less than `Retry-After`, 10 attempts or 600 s), with the clock
//! and the random source replaceable so that tests need not wait.
//!
//! One engine, [`Retrier`], owns the loop, the waits, `Retry-After`, the budget and the logging
//! for every request that is repeated: API calls, a job run's POST and storage transfers. Each
//! caller only classifies its failure ([`Failed`]: how it failed and what to do about it), as
//! reqwest keeps its retry policy beside its classifier.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, Instant, SystemTime};

use crate::data::error::Error;
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

/// How an attempt failed, as far as the wait before the next one goes.
#[derive(Debug)]
pub(crate) enum Fault {
    /// The server answered, with these headers (its status, `Retry-After`): the random
    /// exponential wait, never shorter than `Retry-After`, within the policy's budget.
    Answer(Headers),
    /// No connection was made: the short rule of [`connect_retry`].
    Connect,
    /// The connection closed before any byte of an answer (typically a keep-alive connection
    /// the server had already dropped): tried again at once, once.
    ClosedBeforeAnswer,
    /// No (complete) answer otherwise: reset, timed out, cut off. The exponential wait.
    NoAnswer,
}

/// What the caller makes of a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Another attempt may follow, if the rules for its [`Fault`] allow one.
    Retry,
    /// The attempt may have been carried out although it failed (a gateway's 503 after the API
    /// acted, a connection cut after the request went out): look for its work first, and only
    /// when none is found try again as [`Verdict::Retry`].
    LookFirst,
    /// Stop with this failure.
    GiveUp,
}

/// A failed attempt as its caller classified it (boxed where it is returned: failures are rare,
/// and an error is large).
#[derive(Debug)]
pub(crate) struct Failed {
    /// The error returned when no attempt follows.
    pub error: Error,
    /// How it failed.
    pub fault: Fault,
    /// Whether it may be tried again.
    pub verdict: Verdict,
}

impl Failed {
    /// A failure that ends the attempts.
    pub(crate) fn give_up(error: Error) -> Box<Self> {
        Box::new(Self {
            error,
            fault: Fault::NoAnswer,
            verdict: Verdict::GiveUp,
        })
    }
}

/// The retry state of one request or transfer under a policy: the attempts so far, when the
/// first began, and the clock its waits are slept on.
#[derive(Debug)]
pub(crate) struct Retrier {
    policy: Retry,
    clock: std::sync::Arc<dyn Clock>,
    started: Instant,
    attempts: u32,
    connect_retries: u32,
    reopened: bool,
}

impl Retrier {
    /// A retrier under `policy`, its waits on `clock`, starting now.
    pub(crate) fn new(policy: Retry, clock: std::sync::Arc<dyn Clock>) -> Self {
        Self {
            policy,
            started: clock.now(),
            clock,
            attempts: 0,
            connect_retries: 0,
            reopened: false,
        }
    }

    /// Runs `attempt` until it succeeds or the rules say to stop. A failure classified
    /// [`Verdict::LookFirst`] calls `look` first: what it finds is taken as the attempt's
    /// result; when it finds nothing, the failure is retried as any other.
    pub(crate) fn run<T>(
        mut self,
        what: &dyn fmt::Display,
        mut attempt: impl FnMut() -> Result<T, Box<Failed>>,
        mut look: impl FnMut() -> Result<Option<T>, Error>,
    ) -> Result<T, Error> {
        loop {
            let failed = match attempt() {
                Ok(done) => return Ok(done),
                Err(failed) => failed,
            };
            if failed.verdict == Verdict::LookFirst {
                if let Some(done) = look()? {
                    return Ok(done);
                }
            }
            self.again(what, *failed)?;
        }
    }

    /// After a failed attempt at `what`: sleeps the wait and returns `Ok` when another attempt
    /// may follow (logged at `warn`), else the failure's error.
    pub(crate) fn again(&mut self, what: &dyn fmt::Display, failed: Failed) -> Result<(), Error> {
        let Failed {
            mut error,
            fault,
            verdict,
        } = failed;
        self.attempts += 1;
        if verdict == Verdict::GiveUp {
            return Err(error);
        }
        let elapsed = self.clock.now().duration_since(self.started);
        let (wait, why) = match &fault {
            Fault::Answer(headers) => {
                let wait = wait(
                    &self.policy,
                    self.clock.as_ref(),
                    self.attempts,
                    Some(headers),
                );
                if !may_retry(&self.policy, self.attempts, elapsed + wait) {
                    // Given up because the server asked for a longer wait than the budget has
                    // left: say so, rather than only "(429)".
                    if let (Some(asked), Error::Api { message, .. }) =
                        (headers.get("retry-after"), &mut error)
                    {
                        if elapsed + wait >= self.policy.max_elapsed {
                            message.push_str(&format!(
                                "; the server asked to wait {:.0} s (Retry-After: {asked}), longer than the retries may take ({:.0} s in all)",
                                wait.as_secs_f64(),
                                self.policy.max_elapsed.as_secs_f64()
                            ));
                        }
                    }
                    return Err(error);
                }
                (wait, format!("answered {}", headers.status))
            }
            Fault::Connect => {
                self.connect_retries += 1;
                match connect_retry(&self.policy, self.connect_retries, elapsed) {
                    Some(wait) => (wait, "could not connect".to_string()),
                    None => return Err(error),
                }
            }
            Fault::ClosedBeforeAnswer => {
                if self.reopened || self.policy.total == 0 {
                    return Err(error);
                }
                self.reopened = true;
                (
                    Duration::ZERO,
                    "lost its connection before an answer".to_string(),
                )
            }
            Fault::NoAnswer => {
                let wait = wait(&self.policy, self.clock.as_ref(), self.attempts, None);
                if !may_retry(&self.policy, self.attempts, elapsed + wait) {
                    return Err(error);
                }
                (wait, "got no answer".to_string())
            }
        };
        log::warn!(
            "{what} {why}; retrying in {:.1} s (attempt {} failed: {error})",
            wait.as_secs_f64(),
            self.attempts,
        );
        self.clock.sleep(wait);
        Ok(())
    }

    /// A transfer that moved forward starts its budget afresh: a long download over a flaky
    /// link may drop more often than the retry total, as long as it progresses.
    pub(crate) fn progressed(&mut self) {
        if self.attempts > 0 {
            self.attempts = 0;
            self.connect_retries = 0;
            self.started = self.clock.now();
        }
    }
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

    /// A clock whose sleeps advance its time at once, and which records them.
    #[derive(Debug)]
    struct Fake {
        start: Instant,
        slept: std::sync::Mutex<Vec<Duration>>,
    }

    impl Fake {
        fn new() -> std::sync::Arc<Self> {
            std::sync::Arc::new(Self {
                start: Instant::now(),
                slept: std::sync::Mutex::new(Vec::new()),
            })
        }
        fn slept(&self) -> Vec<Duration> {
            self.slept.lock().map(|s| s.clone()).unwrap_or_default()
        }
    }

    impl Clock for Fake {
        fn now(&self) -> Instant {
            self.start + self.slept().iter().sum::<Duration>()
        }
        fn sleep(&self, duration: Duration) {
            if let Ok(mut slept) = self.slept.lock() {
                slept.push(duration);
            }
        }
        fn random(&self) -> f64 {
            0.5
        }
    }

    fn api_error(status: u16) -> Error {
        Error::Api {
            status,
            message: "busy".into(),
            method: "GET".into(),
            path: "/x".into(),
        }
    }

    fn failed(fault: Fault, verdict: Verdict) -> Box<Failed> {
        let status = match &fault {
            Fault::Answer(headers) => headers.status,
            _ => 0,
        };
        Box::new(Failed {
            error: api_error(status),
            fault,
            verdict,
        })
    }

    /// Runs the engine over `outcomes` (one per attempt, `None` for success) and returns the
    /// attempts made, the waits slept and the result.
    fn run(
        policy: Retry,
        mut outcomes: Vec<Option<Box<Failed>>>,
        found: Option<u8>,
    ) -> (usize, Vec<Duration>, Result<u8, Error>) {
        let clock = Fake::new();
        outcomes.reverse();
        let mut attempts = 0;
        let result = Retrier::new(policy, clock.clone()).run(
            &"GET /x",
            || {
                attempts += 1;
                match outcomes.pop().flatten() {
                    Some(failure) => Err(failure),
                    None => Ok(0),
                }
            },
            || Ok(found),
        );
        (attempts, clock.slept(), result)
    }

    #[test]
    fn an_answer_to_retry_waits_at_least_its_retry_after() {
        let (attempts, slept, result) = run(
            Retry::default(),
            vec![
                Some(failed(Fault::Answer(headers("7")), Verdict::Retry)),
                None,
            ],
            None,
        );
        assert_eq!((attempts, result.ok()), (2, Some(0)));
        assert_eq!(slept, [Duration::from_secs(7)]);
    }

    #[test]
    fn a_retry_after_past_the_budget_gives_up_and_says_so() {
        let policy = Retry {
            max_elapsed: Duration::from_secs(60),
            ..Retry::default()
        };
        let (attempts, slept, result) = run(
            policy,
            vec![Some(failed(Fault::Answer(headers("120")), Verdict::Retry))],
            None,
        );
        assert_eq!((attempts, slept.len()), (1, 0));
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("Retry-After: 120"), "{message}");
    }

    #[test]
    fn answers_are_retried_up_to_the_total() {
        let outcomes = (0..10)
            .map(|_| Some(failed(Fault::Answer(headers("0")), Verdict::Retry)))
            .collect();
        let (attempts, slept, result) = run(Retry::total(3), outcomes, None);
        assert_eq!((attempts, slept.len()), (4, 3));
        assert_eq!(result.err().and_then(|e| e.status()), Some(429));
    }

    #[test]
    fn a_give_up_ends_at_once() {
        let (attempts, slept, result) = run(
            Retry::default(),
            vec![Some(failed(Fault::Answer(headers("0")), Verdict::GiveUp))],
            None,
        );
        assert_eq!((attempts, slept.len(), result.is_err()), (1, 0, true));
    }

    #[test]
    fn failures_to_connect_follow_the_short_rule() {
        let outcomes = (0..10)
            .map(|_| Some(failed(Fault::Connect, Verdict::Retry)))
            .collect();
        let (attempts, slept, _) = run(Retry::default(), outcomes, None);
        assert_eq!(attempts, 4);
        assert_eq!(slept, [500, 1000, 2000].map(Duration::from_millis));
    }

    #[test]
    fn a_connection_closed_before_an_answer_is_reopened_once_at_once() {
        let outcomes = (0..3)
            .map(|_| Some(failed(Fault::ClosedBeforeAnswer, Verdict::Retry)))
            .collect();
        let (attempts, slept, result) = run(Retry::default(), outcomes, None);
        assert_eq!(
            (attempts, slept, result.is_err()),
            (2, vec![Duration::ZERO], true)
        );
        let (attempts, _, _) = run(
            Retry::none(),
            vec![Some(failed(Fault::ClosedBeforeAnswer, Verdict::Retry))],
            None,
        );
        assert_eq!(attempts, 1);
    }

    #[test]
    fn no_answer_waits_the_exponential_wait() {
        let (attempts, slept, result) = run(
            Retry::default(),
            vec![
                Some(failed(Fault::NoAnswer, Verdict::Retry)),
                Some(failed(Fault::NoAnswer, Verdict::Retry)),
                None,
            ],
            None,
        );
        assert_eq!((attempts, result.ok()), (3, Some(0)));
        assert_eq!(slept, [Duration::from_secs(1), Duration::from_secs(2)]);
    }

    #[test]
    fn look_first_takes_what_was_done_instead_of_trying_again() {
        let (attempts, slept, result) = run(
            Retry::default(),
            vec![
                Some(failed(Fault::Answer(headers("0")), Verdict::LookFirst)),
                None,
            ],
            Some(9),
        );
        assert_eq!((attempts, slept.len(), result.ok()), (1, 0, Some(9)));
        let (attempts, slept, result) = run(
            Retry::default(),
            vec![
                Some(failed(Fault::Answer(headers("0")), Verdict::LookFirst)),
                None,
            ],
            None,
        );
        assert_eq!((attempts, slept.len(), result.ok()), (2, 1, Some(0)));
    }

    #[test]
    fn progress_starts_the_budget_afresh() {
        let clock = Fake::new();
        let mut retrier = Retrier::new(Retry::total(1), clock.clone());
        let again = |r: &mut Retrier| {
            r.again(&"the download", *failed(Fault::NoAnswer, Verdict::Retry))
                .is_ok()
        };
        assert!(again(&mut retrier));
        assert!(!again(&mut retrier));
        let mut retrier = Retrier::new(Retry::total(1), clock);
        assert!(again(&mut retrier));
        retrier.progressed();
        assert!(again(&mut retrier));
    }
}
