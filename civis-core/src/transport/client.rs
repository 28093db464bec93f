//! The blocking client that every generated `ApiClient` wraps: one ureq agent (one connection
//! pool, keep-alive), authentication, headers, timeouts and retries.

use std::sync::Arc;
use std::time::Duration;

use ureq::http;

use crate::data::error::Error;
use crate::data::response::RateLimit;
use crate::data::response::{Headers, RawResponse};
use crate::transport::config::{ClientBuilder, Config};
use crate::transport::memo::Memo;
use crate::transport::rate_limit::{self, Budget};
use crate::transport::request::HttpRequest;
use crate::transport::resolver::CachingResolver;
use crate::transport::retry;

/// A Civis API client: cheap to clone (the connection pool is shared), `Send + Sync`.
///
/// Generated `ApiClient`s dereference to it, so its methods (and the lookup helpers) are
/// available on them.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    agent: ureq::Agent,
    memo: Memo,
    budget: Budget,
}

/// The outcome of one attempt: an answer, or a failure to get one.
enum Attempt {
    Answer(RawResponse),
    Failed { error: Error, failure: Failure },
}

/// Why an attempt got no answer, which decides whether it may be repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// No connection was made: nothing reached the server.
    Connect,
    /// The connection closed before any byte of an answer: typically a keep-alive connection
    /// the server had already given up on.
    ClosedBeforeAnswer,
    /// Anything else (a timeout, a broken body, TLS): not repeated.
    Other,
}

impl Client {
    /// A client configured from the environment (`CIVIS_API_KEY`, `CIVIS_API_ENDPOINT`).
    pub fn new() -> Result<Self, Error> {
        Self::builder().build()
    }

    /// A builder for a client with explicit settings.
    pub fn builder() -> ClientBuilder<Self> {
        ClientBuilder::new()
    }

    /// A client made from a finished configuration.
    pub fn from_config(config: Config) -> Self {
        let agent_config = ureq::Agent::config_builder()
            // Error statuses are answers, not transport failures: they become `Error::Api`
            // with the body's message, after the retry rules have had their say.
            .http_status_as_error(false)
            .timeout_connect(Some(config.connect_timeout))
            .timeout_recv_response(Some(config.read_timeout))
            .timeout_per_read(Some(config.read_timeout))
            .timeout_global(Some(config.timeout))
            .user_agent(config.user_agent.as_str())
            // A redirect is returned as the answer and becomes `Error::Redirect`: followed, a
            // POST would be re-sent as a bodyless GET whose 200 reads as success.
            .max_redirects(0)
            .build();
        // ureq's default connector (plain TCP, rustls for https) with a resolver that does not
        // start a thread to resolve the host before every request (see `resolver`).
        let agent = ureq::Agent::with_parts(
            agent_config,
            ureq::unversioned::transport::DefaultConnector::default(),
            CachingResolver::default(),
        );
        Self {
            inner: Arc::new(Inner {
                config,
                agent,
                memo: Memo::default(),
                budget: Budget::default(),
            }),
        }
    }

    /// The configuration the client was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The API's base URL, ending in `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.config.base_url
    }

    /// The ureq agent (connection pool, TLS, timeouts), for requests to file storage, which
    /// take another path than API calls (see `files::storage`).
    pub(crate) fn agent(&self) -> &ureq::Agent {
        &self.inner.agent
    }

    /// The API's rate limit as the latest answer to a GET reported it (`X-RateLimit-Limit`,
    /// `X-RateLimit-Remaining`, `X-RateLimit-Reset`), its reset counted down to now; `None`
    /// before the first answer that had them. Shared by the client's clones.
    ///
    /// Waits on runs read it to space their polls (see
    /// [`RunSet`](crate::runs::RunSet)); a script can read it to pace calls of its own.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// let client = civis::Client::new()?;
    /// client.job_run(42, 7).state()?;
    /// if let Some(limit) = client.rate_limit() {
    ///     println!("{} of {} calls left", limit.remaining, limit.limit);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.inner.budget.latest(self.inner.config.clock.now())
    }

    /// The least pause before a round of `polls` polls that the rate limit asks for, with the
    /// rate limit it was worked out from; `None` before any answer told the limit.
    pub(crate) fn poll_spacing(&self, polls: usize) -> Option<(Duration, RateLimit)> {
        let limit = self.rate_limit()?;
        Some((rate_limit::spacing(&limit, polls), limit))
    }

    /// The memoised answers of the lookup helpers, shared by this client's clones.
    pub(crate) fn memo(&self) -> &Memo {
        &self.inner.memo
    }

    /// Sends a request with the configured retries; a non-2xx answer becomes an error (the last
    /// answer's, when retries run out), and so does a redirect, which is never followed.
    ///
    /// Retried: 429, 502, 503 and 504 for GET, PUT, DELETE, HEAD, OPTIONS and TRACE; 429 and 503
    /// for POST; PATCH is sent once. No attempt starts after the policy's `max_elapsed`, waits
    /// included. Failures to connect are retried for the idempotent verbs at most 3 times within
    /// about 5 s; a connection closed before any byte of the answer is retried once for them.
    /// Every retry is logged at `warn`. [`Retry::none`](crate::config::Retry::none) sends every request
    /// exactly once.
    pub fn execute(&self, request: &HttpRequest) -> Result<RawResponse, Error> {
        self.execute_with(request, &self.inner.config.retry)
    }

    /// One attempt at `request`, not retried: the answer whatever its status, or the error of
    /// no answer with whether nothing reached the server (a failure to connect), for callers
    /// that decide themselves what a failed POST may have done.
    pub(crate) fn attempt_once(&self, request: &HttpRequest) -> Result<RawResponse, (Error, bool)> {
        match self.send_once(request) {
            Attempt::Answer(response) => Ok(response),
            Attempt::Failed { error, failure } => Err((error, matches!(failure, Failure::Connect))),
        }
    }

    /// [`execute`](Self::execute) under the retry rules `policy` instead of the client's.
    pub(crate) fn execute_with(
        &self,
        request: &HttpRequest,
        policy: &crate::transport::retry::Retry,
    ) -> Result<RawResponse, Error> {
        let config = &self.inner.config;
        let clock = config.clock.as_ref();
        let started = clock.now();
        let idempotent = retry::is_idempotent(request.verb);
        let (mut attempts, mut connect_retries, mut reopened) = (0u32, 0u32, false);
        loop {
            let attempt = self.send_once(request);
            attempts += 1;
            let elapsed = clock.now().duration_since(started);
            let (wait, why, error) = match attempt {
                Attempt::Answer(response) if (200..300).contains(&response.status()) => {
                    return Ok(response)
                }
                Attempt::Answer(response) => {
                    let status = response.status();
                    let wait = retry::wait(policy, clock, attempts, Some(&response.headers));
                    let asked = response.headers.get("retry-after").map(str::to_string);
                    let mut error = response.into_error(request.verb, &request.path_and_query);
                    let retryable = retry::is_retryable(request.verb, status);
                    if !(retryable && retry::may_retry(policy, attempts, elapsed + wait)) {
                        // Given up because the server asked for a longer wait than the retry
                        // budget has left: say so, rather than only "(429)".
                        if let (true, Some(asked), Error::Api { message, .. }) =
                            (retryable, asked, &mut error)
                        {
                            if elapsed + wait >= policy.max_elapsed {
                                message.push_str(&format!(
                                    "; the server asked to wait {:.0} s (Retry-After: {asked}), longer than the retries may take ({:.0} s in all)",
                                    wait.as_secs_f64(),
                                    policy.max_elapsed.as_secs_f64()
                                ));
                            }
                        }
                        return Err(error);
                    }
                    (wait, format!("answered {status}"), error)
                }
                Attempt::Failed {
                    error,
                    failure: Failure::Connect,
                } => {
                    connect_retries += 1;
                    let wait = match retry::connect_retry(policy, connect_retries, elapsed) {
                        Some(wait) if idempotent => wait,
                        _ => return Err(error),
                    };
                    (wait, "could not connect".to_string(), error)
                }
                Attempt::Failed {
                    error,
                    failure: Failure::ClosedBeforeAnswer,
                } => {
                    if !(idempotent && !reopened && policy.total > 0) {
                        return Err(error);
                    }
                    reopened = true;
                    (
                        Duration::ZERO,
                        "lost its connection before an answer".to_string(),
                        error,
                    )
                }
                Attempt::Failed { error, .. } => return Err(error),
            };
            log::warn!(
                "{} {} {why}; retrying in {:.1} s (attempt {} failed: {error})",
                request.verb,
                request.path_and_query,
                wait.as_secs_f64(),
                attempts,
            );
            clock.sleep(wait);
        }
    }

    fn send_once(&self, request: &HttpRequest) -> Attempt {
        let config = &self.inner.config;
        let url = format!(
            "{}{}",
            config.base_url,
            request.path_and_query.trim_start_matches('/')
        );
        let mut builder = http::Request::builder()
            .method(request.verb)
            .uri(&url)
            .header("Authorization", self.authorization())
            .header("Accept", "application/vnd.civis-platform.v1");
        if let Some(job) = &config.job_id {
            builder = builder.header("X-Civis-Job-ID", job.as_str());
            if let Some(run) = &config.run_id {
                builder = builder.header("X-Civis-Run-ID", run.as_str());
            }
        }
        for (name, value) in &request.headers {
            builder = builder.header(*name, value.as_str());
        }
        let failed =
            |source: Box<dyn std::error::Error + Send + Sync>, failure: Failure| Attempt::Failed {
                error: Error::Transport {
                    method: request.verb.to_string(),
                    path: request.path_and_query.clone(),
                    source,
                },
                failure,
            };
        let result = match &request.body {
            Some(body) => {
                let bytes = match serde_json::to_vec(body) {
                    Ok(bytes) => bytes,
                    Err(e) => return failed(Box::new(e), Failure::Other),
                };
                match builder
                    .header("Content-Type", "application/json")
                    .body(bytes)
                {
                    Ok(http_request) => self.inner.agent.run(http_request),
                    Err(e) => return failed(Box::new(e), Failure::Other),
                }
            }
            None => match builder.body(()) {
                Ok(http_request) => self.inner.agent.run(http_request),
                Err(e) => return failed(Box::new(e), Failure::Other),
            },
        };
        let mut response = match result {
            Ok(response) => response,
            Err(e) => {
                let failure = classify(&e);
                return failed(Box::new(e), failure);
            }
        };
        let headers = Headers::of(&response);
        self.inner
            .budget
            .record(request.verb, &headers, config.clock.now());
        if (300..400).contains(&headers.status) {
            return Attempt::Failed {
                error: Error::Redirect {
                    status: headers.status,
                    location: headers.get("location").unwrap_or_default().to_string(),
                    method: request.verb.to_string(),
                    path: request.path_and_query.clone(),
                },
                failure: Failure::Other,
            };
        }
        let too_large = || Attempt::Failed {
            error: Error::ResponseTooLarge {
                limit: config.max_response_size,
                method: request.verb.to_string(),
                path: request.path_and_query.clone(),
            },
            failure: Failure::Other,
        };
        // An answer that announces more than the limit is refused on its header, before any of
        // its body is read.
        let announced = headers
            .get("content-length")
            .and_then(|length| length.trim().parse::<u64>().ok());
        if announced.is_some_and(|length| length > config.max_response_size) {
            return too_large();
        }
        match response
            .body_mut()
            .with_config()
            .limit(config.max_response_size)
            .read_to_vec()
        {
            Ok(body) => Attempt::Answer(RawResponse { headers, body }),
            Err(ureq::Error::BodyExceedsLimit(limit)) => Attempt::Failed {
                error: Error::ResponseTooLarge {
                    limit,
                    method: request.verb.to_string(),
                    path: request.path_and_query.clone(),
                },
                failure: Failure::Other,
            },
            Err(e) => failed(Box::new(e), Failure::Other),
        }
    }

    /// The `Authorization` header's value, marked sensitive so that the `http` crate's and
    /// ureq's `Debug` output of the request leaves it out.
    fn authorization(&self) -> http::HeaderValue {
        let value = format!("Bearer {}", self.inner.config.api_key.expose());
        match http::HeaderValue::try_from(value) {
            Ok(mut value) => {
                value.set_sensitive(true);
                value
            }
            // A key with characters a header cannot carry: send an empty header, which the API
            // answers with 401, rather than fail somewhere the key might be quoted.
            Err(_) => http::HeaderValue::from_static(""),
        }
    }
}

/// Whether a request that got no answer may be repeated, from what ureq reports.
/// Whether `error` means no connection was made (refused, unreachable, a name not found, a
/// connect timeout): for storage requests, which are retried by the same short rule.
pub(crate) fn is_connect_failure(error: &ureq::Error) -> bool {
    matches!(classify(error), Failure::Connect)
}

fn classify(error: &ureq::Error) -> Failure {
    use std::io::ErrorKind;
    match error {
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => Failure::Connect,
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => Failure::Connect,
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused => Failure::Connect,
            // ureq reports a peer that closed before the answer's head as UnexpectedEof.
            ErrorKind::UnexpectedEof
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::BrokenPipe => Failure::ClosedBeforeAnswer,
            _ => Failure::Other,
        },
        _ => Failure::Other,
    }
}
