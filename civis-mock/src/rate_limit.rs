//! The API's rate limit, kept by the mock when a test sets one: every answer says how many
//! requests are left in the period (`X-RateLimit-Limit`, `X-RateLimit-Remaining`,
//! `X-RateLimit-Reset` in seconds), and a request beyond the limit is answered 429 with
//! `Retry-After` until the period starts again.

use std::sync::Arc;
use std::time::{Duration, Instant};

use civis_core::config::Clock;

use super::{lock, MockServer, Scripted};

/// A fixed window of `limit` requests per `period`, on `clock`.
#[derive(Debug)]
pub(super) struct RateWindow {
    limit: u64,
    period: Duration,
    clock: Arc<dyn Clock>,
    started: Option<Instant>,
    used: u64,
    refused: usize,
}

impl RateWindow {
    /// Counts one request: the headers of its answer, or the 429 that refuses it.
    pub(super) fn take(&mut self) -> Result<Vec<(String, String)>, Scripted> {
        let now = self.clock.now();
        let started = *self.started.get_or_insert(now);
        let started = if now.duration_since(started) >= self.period {
            self.used = 0;
            self.started = Some(now);
            now
        } else {
            started
        };
        let resets_in = self.period.saturating_sub(now.duration_since(started));
        let reset = resets_in.as_secs_f64().ceil().max(1.0).to_string();
        if self.used >= self.limit {
            self.refused += 1;
            let body = r#"{"error": "rate_limited", "errorDescription": "Rate limit exceeded", "code": 429}"#;
            return Err(Scripted::json(429, body)
                .header("X-RateLimit-Limit", &self.limit.to_string())
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", &reset)
                .header("Retry-After", &reset));
        }
        self.used += 1;
        Ok(vec![
            ("X-RateLimit-Limit".into(), self.limit.to_string()),
            (
                "X-RateLimit-Remaining".into(),
                (self.limit - self.used).to_string(),
            ),
            ("X-RateLimit-Reset".into(), reset),
        ])
    }
}

impl MockServer {
    /// Keeps a rate limit of `limit` API requests per `period` of real time, as the API does
    /// (about 1,000 per 300 s): see [`rate_limit_on`](MockServer::rate_limit_on).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.rate_limit(1000, std::time::Duration::from_secs(300));
    /// # Ok(()) }
    /// ```
    pub fn rate_limit(&self, limit: u64, period: Duration) {
        self.rate_limit_on(limit, period, Arc::new(civis_core::config::SystemClock));
    }

    /// Keeps a rate limit of `limit` API requests per `period` measured on `clock` (a test's
    /// fake clock, shared with the client, so a period passes when the client waits it out).
    /// The period starts with the first request and starts again once it is over. Every answer
    /// then carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` (counting down) and
    /// `X-RateLimit-Reset` (seconds until the period starts again); a request beyond the
    /// limit is answered 429, with `Retry-After`, and counted in
    /// [`rate_limited`](MockServer::rate_limited). Storage requests are not counted, as S3 is
    /// not the API.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// let clock = std::sync::Arc::new(civis_core::config::SystemClock);
    /// mock.rate_limit_on(60, std::time::Duration::from_secs(300), clock);
    /// # Ok(()) }
    /// ```
    pub fn rate_limit_on(&self, limit: u64, period: Duration, clock: Arc<dyn Clock>) {
        lock(&self.state).rate = Some(RateWindow {
            limit,
            period,
            clock,
            started: None,
            used: 0,
            refused: 0,
        });
    }

    /// How many requests the rate limit refused with 429 so far.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// assert_eq!(mock.rate_limited(), 0);
    /// # Ok(()) }
    /// ```
    pub fn rate_limited(&self) -> usize {
        lock(&self.state)
            .rate
            .as_ref()
            .map_or(0, |window| window.refused)
    }
}
