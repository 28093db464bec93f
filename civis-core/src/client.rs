//! The blocking client that every generated `ApiClient` wraps: one ureq agent (one connection
//! pool, keep-alive), authentication, headers, timeouts and retries.

use std::sync::Arc;

use ureq::http;

use crate::config::{ClientBuilder, Config};
use crate::error::Error;
use crate::helpers::Lookups;
use crate::request::HttpRequest;
use crate::resolver::CachingResolver;
use crate::response::{Headers, RawResponse};
use crate::retry;

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
    lookups: Lookups,
}

/// The outcome of one attempt: an answer, or a failure to get one.
enum Attempt {
    Answer(RawResponse),
    Failed { error: Error, connect: bool },
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
                lookups: Lookups::default(),
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

    /// The memoised answers of the lookup helpers, shared by this client's clones.
    pub(crate) fn lookups(&self) -> &Lookups {
        &self.inner.lookups
    }

    /// Sends a request with the configured retries; a non-2xx answer becomes an error (the last
    /// answer's, when retries run out).
    ///
    /// Retried: 429, 502, 503 and 504 for GET, PUT, DELETE, HEAD, OPTIONS and TRACE; 429 and 503
    /// for POST; failures to connect for the idempotent verbs. PATCH is sent once.
    pub fn execute(&self, request: &HttpRequest) -> Result<RawResponse, Error> {
        let config = &self.inner.config;
        let clock = config.clock.as_ref();
        let started = clock.now();
        let mut attempts = 0u32;
        loop {
            let attempt = self.send_once(request);
            attempts += 1;
            let may_retry =
                retry::may_retry(&config.retry, attempts, clock.now().duration_since(started));
            match attempt {
                Attempt::Answer(response) if (200..300).contains(&response.status()) => {
                    return Ok(response)
                }
                Attempt::Answer(response) => {
                    if !(may_retry && retry::is_retryable(request.verb, response.status())) {
                        return Err(response.into_error(request.verb, &request.path_and_query));
                    }
                    clock.sleep(retry::wait(
                        &config.retry,
                        clock,
                        attempts,
                        Some(&response.headers),
                    ));
                }
                Attempt::Failed { error, connect } => {
                    if !(may_retry && connect && retry::is_idempotent(request.verb)) {
                        return Err(error);
                    }
                    clock.sleep(retry::wait(&config.retry, clock, attempts, None));
                }
            }
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
            .header(
                "Authorization",
                format!("Bearer {}", config.api_key.expose()),
            )
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
            |source: Box<dyn std::error::Error + Send + Sync>, connect: bool| Attempt::Failed {
                error: Error::Transport {
                    method: request.verb.to_string(),
                    path: request.path_and_query.clone(),
                    source,
                },
                connect,
            };
        let result = match &request.body {
            Some(body) => {
                let bytes = match serde_json::to_vec(body) {
                    Ok(bytes) => bytes,
                    Err(e) => return failed(Box::new(e), false),
                };
                match builder
                    .header("Content-Type", "application/json")
                    .body(bytes)
                {
                    Ok(http_request) => self.inner.agent.run(http_request),
                    Err(e) => return failed(Box::new(e), false),
                }
            }
            None => match builder.body(()) {
                Ok(http_request) => self.inner.agent.run(http_request),
                Err(e) => return failed(Box::new(e), false),
            },
        };
        let mut response = match result {
            Ok(response) => response,
            Err(e) => {
                let connect = is_connect_failure(&e);
                return failed(Box::new(e), connect);
            }
        };
        let headers = Headers {
            status: response.status().as_u16(),
            entries: response
                .headers()
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_string(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
        };
        match response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .read_to_vec()
        {
            Ok(body) => Attempt::Answer(RawResponse { headers, body }),
            Err(e) => failed(Box::new(e), false),
        }
    }
}

/// Whether the request failed before reaching the server, so repeating it cannot do anything
/// twice.
fn is_connect_failure(error: &ureq::Error) -> bool {
    use std::io::ErrorKind;
    match error {
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => true,
        ureq::Error::Timeout(timeout) => {
            matches!(timeout, ureq::Timeout::Connect | ureq::Timeout::Resolve)
        }
        ureq::Error::Io(io) => matches!(io.kind(), ErrorKind::ConnectionRefused),
        _ => false,
    }
}
