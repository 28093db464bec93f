//! The blocking client that every generated `ApiClient` wraps: one ureq agent (one connection
//! pool, keep-alive), authentication, headers and retries.

use std::sync::Arc;
use std::time::Instant;

use ureq::http;

use crate::config::{ClientBuilder, Config};
use crate::error::Error;
use crate::request::HttpRequest;
use crate::response::RawResponse;
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
            // Error statuses are answers, not transport failures: they are turned into
            // `Error::Api` with the body's message.
            .http_status_as_error(false)
            .timeout_connect(Some(config.connect_timeout))
            .timeout_global(Some(config.timeout))
            .user_agent(config.user_agent.as_str())
            .build();
        let agent = ureq::Agent::new_with_config(agent_config);
        Self {
            inner: Arc::new(Inner { config, agent }),
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

    /// Sends a request, retrying as configured; a non-2xx answer becomes an error.
    pub fn execute(&self, request: &HttpRequest) -> Result<RawResponse, Error> {
        let config = &self.inner.config;
        let started = Instant::now();
        let mut attempt = 0u32;
        loop {
            let response = self.send_once(request)?;
            attempt += 1;
            if (200..300).contains(&response.status) {
                return Ok(response);
            }
            let wait = retry::wait_before_retry(
                &config.retry,
                request.verb,
                &response,
                attempt,
                started.elapsed(),
            );
            match wait {
                Some(wait) => std::thread::sleep(wait),
                None => return Err(response.into_error(request.verb, &request.path_and_query)),
            }
        }
    }

    fn send_once(&self, request: &HttpRequest) -> Result<RawResponse, Error> {
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
        if let (Some(job), run) = (&config.job_id, &config.run_id) {
            builder = builder.header("X-Civis-Job-ID", job.as_str());
            if let Some(run) = run {
                builder = builder.header("X-Civis-Run-ID", run.as_str());
            }
        }
        for (name, value) in &request.headers {
            builder = builder.header(*name, value.as_str());
        }
        let transport = |source: Box<dyn std::error::Error + Send + Sync>| Error::Transport {
            method: request.verb.to_string(),
            path: request.path_and_query.clone(),
            source,
        };
        let result = match &request.body {
            Some(body) => {
                let bytes = serde_json::to_vec(body).map_err(|e| transport(Box::new(e)))?;
                let http_request = builder
                    .header("Content-Type", "application/json")
                    .body(bytes)
                    .map_err(|e| transport(Box::new(e)))?;
                self.inner.agent.run(http_request)
            }
            None => {
                let http_request = builder.body(()).map_err(|e| transport(Box::new(e)))?;
                self.inner.agent.run(http_request)
            }
        };
        let mut response = result.map_err(|e| transport(Box::new(e)))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_string(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .read_to_vec()
            .map_err(|e| transport(Box::new(e)))?;
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }
}
