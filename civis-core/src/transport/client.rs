//! The blocking client that every generated `ApiClient` wraps: one ureq agent (one connection
//! pool, keep-alive), authentication, headers, timeouts and retries.

use std::sync::Arc;
use std::time::Duration;

use ureq::http;

use crate::data::error::Error;
use crate::data::response::RateLimit;
use crate::data::response::{Headers, RawResponse};
use crate::transport::config::Config;
use crate::transport::http_request::HttpRequest;
use crate::transport::memo::Memo;
use crate::transport::rate_limit::{self, Budget};
use crate::transport::resolver::CachingResolver;
use crate::transport::retry::{self, Failed, Fault, Retrier, Verdict};

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

/// One attempt, before it is classified.
pub(crate) enum Attempt {
    /// An answer, whatever its status.
    Answer(RawResponse),
    /// No answer: the error, and how it failed.
    NoAnswer(Error, Fault),
}

/// How an API call's attempt is classified for the [`Retrier`]: a 2xx answer is the result;
/// 429, 502, 503 and 504 are retried for the idempotent verbs and 429 and 503 for POST
/// ([`retry::is_retryable`]); a failure to connect, or a connection closed before an answer, is
/// retried for the idempotent verbs only; anything else ends the call.
pub(crate) fn classify_call(
    verb: &str,
    path: &str,
    attempt: Attempt,
) -> Result<RawResponse, Box<Failed>> {
    match attempt {
        Attempt::Answer(response) if (200..300).contains(&response.status()) => Ok(response),
        Attempt::Answer(response) => {
            let verdict = if retry::is_retryable(verb, response.status()) {
                Verdict::Retry
            } else {
                Verdict::GiveUp
            };
            let headers = response.headers.clone();
            Err(Box::new(Failed {
                error: response.into_error(verb, path),
                fault: Fault::Answer(headers),
                verdict,
            }))
        }
        Attempt::NoAnswer(error, fault @ (Fault::Connect | Fault::ClosedBeforeAnswer)) => {
            Err(Box::new(Failed {
                error,
                fault,
                verdict: if retry::is_idempotent(verb) {
                    Verdict::Retry
                } else {
                    Verdict::GiveUp
                },
            }))
        }
        Attempt::NoAnswer(error, _) => Err(Failed::give_up(error)),
    }
}

impl Client {
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
            // The environment's proxy, never for this machine: a plain-http loopback base URL
            // (the mock) would otherwise send the key in cleartext to the proxy.
            .proxy(direct_to_loopback(ureq::Proxy::try_from_env()))
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
        self.execute_with(request, self.inner.config.retry)
    }

    /// [`execute`](Client::execute) under the retry policy `retry` instead of the client's
    /// (a shorter budget, for a request inside a bounded wait).
    pub(crate) fn execute_with(
        &self,
        request: &HttpRequest,
        retry: retry::Retry,
    ) -> Result<RawResponse, Error> {
        let config = &self.inner.config;
        let (verb, path) = (request.verb, request.path_and_query.as_str());
        Retrier::new(retry, config.clock.clone()).run(
            &format_args!("{verb} {path}"),
            || classify_call(verb, path, self.attempt(request)),
            || Ok(None),
        )
    }

    /// One attempt at `request`, not retried, for callers that classify its failures
    /// themselves (a job run's POST, which may have started a run although it failed).
    pub(crate) fn attempt(&self, request: &HttpRequest) -> Attempt {
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
        let failed = |source: Box<dyn std::error::Error + Send + Sync>, fault: Fault| {
            let error = Error::Transport {
                method: request.verb.to_string(),
                path: request.path_and_query.clone(),
                source,
            };
            Attempt::NoAnswer(error, fault)
        };
        let result = match &request.body {
            Some(body) => {
                let bytes = match serde_json::to_vec(body) {
                    Ok(bytes) => bytes,
                    Err(e) => return failed(Box::new(e), Fault::NoAnswer),
                };
                match builder
                    .header("Content-Type", "application/json")
                    .body(bytes)
                {
                    Ok(http_request) => self.inner.agent.run(http_request),
                    Err(e) => return failed(Box::new(e), Fault::NoAnswer),
                }
            }
            None => match builder.body(()) {
                Ok(http_request) => self.inner.agent.run(http_request),
                Err(e) => return failed(Box::new(e), Fault::NoAnswer),
            },
        };
        let mut response = match result {
            Ok(response) => response,
            Err(e) => {
                let fault = fault_of(&e);
                return failed(Box::new(e), fault);
            }
        };
        let headers = Headers::of(&response);
        self.inner
            .budget
            .record(request.verb, &headers, config.clock.now());
        if (300..400).contains(&headers.status) {
            let error = Error::Redirect {
                status: headers.status,
                location: headers.get("location").unwrap_or_default().to_string(),
                method: request.verb.to_string(),
                path: request.path_and_query.clone(),
            };
            return Attempt::NoAnswer(error, Fault::NoAnswer);
        }
        let too_large = |limit| {
            let error = Error::ResponseTooLarge {
                limit,
                method: request.verb.to_string(),
                path: request.path_and_query.clone(),
            };
            Attempt::NoAnswer(error, Fault::NoAnswer)
        };
        // An answer that announces more than the limit is refused on its header, before any of
        // its body is read.
        let announced = headers
            .get("content-length")
            .and_then(|length| length.trim().parse::<u64>().ok());
        if announced.is_some_and(|length| length > config.max_response_size) {
            return too_large(config.max_response_size);
        }
        match response
            .body_mut()
            .with_config()
            .limit(config.max_response_size)
            .read_to_vec()
        {
            Ok(body) => Attempt::Answer(RawResponse { headers, body }),
            Err(ureq::Error::BodyExceedsLimit(limit)) => too_large(limit),
            Err(e) => failed(Box::new(e), Fault::NoAnswer),
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
            // `build()` refuses a key with characters a header cannot carry; should one get here
            // all the same, an empty header (answered 401) rather than a failure that might
            // quote the key.
            Err(_) => http::HeaderValue::from_static(""),
        }
    }
}

/// `proxy` (the environment's: `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY`, with `NO_PROXY`) with
/// loopback hosts added to its exceptions (`localhost`, `127.*`, `::1`), so that traffic that
/// stays on this machine never goes through a proxy.
pub(crate) fn direct_to_loopback(proxy: Option<ureq::Proxy>) -> Option<ureq::Proxy> {
    let proxy = proxy?;
    let mut builder = ureq::Proxy::builder(proxy.protocol())
        .host(proxy.host())
        .port(proxy.port())
        .resolve_target(proxy.resolve_target());
    if let Some(user) = proxy.username() {
        builder = builder.username(user);
    }
    if let Some(password) = proxy.password() {
        builder = builder.password(password);
    }
    let from_env = ["NO_PROXY", "no_proxy"]
        .iter()
        .find_map(|name| std::env::var(name).ok())
        .unwrap_or_default();
    let loopback = ["localhost", "127.", "::1", "[::1]"];
    for entry in from_env.split(',').map(str::trim).chain(loopback) {
        if !entry.is_empty() {
            builder = builder.no_proxy(entry);
        }
    }
    match builder.build() {
        Ok(rebuilt) => Some(rebuilt),
        Err(error) => {
            // Not expected (the parts come from a proxy that parsed): then no proxy at all, as
            // sending loopback traffic through one is what must not happen.
            log::warn!(
                "the proxy of the environment could not be set up ({error}): connecting directly"
            );
            None
        }
    }
}

/// Whether `error` means no connection was made (refused, unreachable, a name not found, a
/// connect timeout): for storage requests, which are retried by the same short rule.
pub(crate) fn is_connect_failure(error: &ureq::Error) -> bool {
    matches!(fault_of(error), Fault::Connect)
}

/// How a request that got no answer failed, from what ureq reports.
fn fault_of(error: &ureq::Error) -> Fault {
    use std::io::ErrorKind;
    match error {
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => Fault::Connect,
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => Fault::Connect,
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused => Fault::Connect,
            // ureq reports a peer that closed before the answer's head as UnexpectedEof.
            ErrorKind::UnexpectedEof
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::BrokenPipe => Fault::ClosedBeforeAnswer,
            _ => Fault::NoAnswer,
        },
        _ => Fault::NoAnswer,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An answer with `status`, for the tests of classifiers.
    pub(crate) fn answer(status: u16) -> Attempt {
        Attempt::Answer(RawResponse {
            headers: Headers {
                status,
                entries: Vec::new(),
            },
            body: br#"{"errorDescription": "busy"}"#.to_vec(),
        })
    }

    /// No answer, failed as `fault`, for the tests of classifiers.
    pub(crate) fn no_answer(fault: Fault) -> Attempt {
        let source = std::io::Error::other("cut");
        let error = Error::Transport {
            method: "GET".into(),
            path: "/x".into(),
            source: Box::new(source),
        };
        Attempt::NoAnswer(error, fault)
    }

    fn verdict(verb: &str, attempt: Attempt) -> Option<Verdict> {
        classify_call(verb, "/x", attempt).err().map(|f| f.verdict)
    }

    #[test]
    fn loopback_hosts_bypass_the_environments_proxy_and_others_do_not() {
        let proxy = ureq::Proxy::new("http://user:p%40ss@proxy.example:3128").unwrap();
        let proxy = direct_to_loopback(Some(proxy)).expect("a proxy");
        for url in [
            "http://127.0.0.1:8080/scripts",
            "http://127.3.2.1/",
            "http://localhost:1/",
            "http://[::1]:9000/",
        ] {
            assert!(proxy.is_no_proxy(&url.parse().unwrap()), "{url}");
        }
        assert!(!proxy.is_no_proxy(&"https://api.civisanalytics.com/".parse().unwrap()));
        assert_eq!(
            (
                proxy.host(),
                proxy.port(),
                proxy.username(),
                proxy.password()
            ),
            ("proxy.example", 3128, Some("user"), Some("p@ss"))
        );
        assert!(direct_to_loopback(None).is_none());
    }

    #[test]
    fn a_2xx_answer_is_the_result() {
        assert!(classify_call("GET", "/x", answer(204)).is_ok());
    }

    #[test]
    fn answers_are_retried_by_verb_and_status() {
        assert_eq!(verdict("GET", answer(503)), Some(Verdict::Retry));
        assert_eq!(verdict("DELETE", answer(429)), Some(Verdict::Retry));
        assert_eq!(verdict("POST", answer(503)), Some(Verdict::Retry));
        assert_eq!(verdict("POST", answer(502)), Some(Verdict::GiveUp));
        assert_eq!(verdict("PATCH", answer(503)), Some(Verdict::GiveUp));
        assert_eq!(verdict("GET", answer(500)), Some(Verdict::GiveUp));
    }

    #[test]
    fn no_answer_is_retried_for_idempotent_verbs_only_when_nothing_was_done() {
        assert_eq!(
            verdict("GET", no_answer(Fault::Connect)),
            Some(Verdict::Retry)
        );
        assert_eq!(
            verdict("POST", no_answer(Fault::Connect)),
            Some(Verdict::GiveUp)
        );
        assert_eq!(
            verdict("PUT", no_answer(Fault::ClosedBeforeAnswer)),
            Some(Verdict::Retry)
        );
        assert_eq!(
            verdict("PATCH", no_answer(Fault::ClosedBeforeAnswer)),
            Some(Verdict::GiveUp)
        );
        assert_eq!(
            verdict("GET", no_answer(Fault::NoAnswer)),
            Some(Verdict::GiveUp)
        );
    }
}
