//! Requests to file storage: the presigned URLs that the API hands out, on another host.
//!
//! They go through the client's ureq agent (its connection pool, TLS and timeouts) but not
//! through [`Client::execute`]: they carry no `Authorization` (the URL is the credential, and
//! S3 refuses a second one), their bodies are streamed with a `Content-Length` (S3 refuses
//! chunked bodies), and each is retried after any failure, because storage requests are
//! idempotent: a part or form sent again replaces the first.

use std::fmt;

use ureq::http;
use ureq::SendBody;

use crate::data::error::Error;
use crate::data::response::Headers;
use crate::transport::client::Client;
use crate::transport::config::Config;
use crate::transport::retry::{self, Failed, Fault, Retrier, Verdict};

/// Downloads may be redirected (storage moves objects between hosts); uploads are not, since
/// a streamed body cannot be sent twice within one attempt.
const DOWNLOAD_REDIRECTS: u32 = 10;

/// The URL without its query string, which holds the presigned signature: for errors and logs.
pub(crate) fn redact(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

/// Sends one storage request. Non-2xx answers are returned, not turned into errors.
pub(crate) fn send(
    client: &Client,
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: SendBody<'_>,
) -> Result<http::Response<ureq::Body>, Failure> {
    let mut builder = http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, value.as_str());
    }
    let request = builder
        .body(body)
        .map_err(|e| Failure::Transport(e.to_string()))?;
    let agent = client.agent();
    let redirects = if method == "GET" {
        DOWNLOAD_REDIRECTS
    } else {
        0
    };
    let request = agent
        .configure_request(request)
        .http_status_as_error(false)
        .max_redirects(redirects)
        // The client's 600 s cap on a whole API call would cut off a large transfer; the
        // connect and per-read timeouts still end a stalled one.
        .timeout_global(None)
        .build();
    agent.run(request).map_err(|e| {
        if crate::transport::client::is_connect_failure(&e) {
            Failure::Connect(e.to_string())
        } else {
            Failure::Transport(e.to_string())
        }
    })
}

/// Why a storage attempt failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Storage answered with an error status.
    Status {
        status: u16,
        headers: Headers,
        message: String,
    },
    /// No connection was made (refused, unreachable, no such host): retried as the API's
    /// connect failures are, at most 3 times within about 5 s, as a wrong or down host far
    /// more often than a busy one.
    Connect(String),
    /// No (complete) answer: reset, timed out, cut off.
    Transport(String),
    /// A download asked to go on past the end of the object (416 after some bytes): the object
    /// is shorter than the API said. Not retried.
    ShortObject,
}

impl Failure {
    /// The failure an answer with a non-success status stands for, quoting the start of its
    /// body (S3's XML error).
    pub(crate) fn from_response(mut response: http::Response<ureq::Body>) -> Self {
        let headers = Headers::of(&response);
        let body = response
            .body_mut()
            .with_config()
            .limit(4096)
            .read_to_string()
            .unwrap_or_default();
        let message: String = body.trim().chars().take(200).collect();
        Failure::Status {
            status: headers.status,
            message: if message.is_empty() {
                response
                    .status()
                    .canonical_reason()
                    .unwrap_or("")
                    .to_string()
            } else {
                message
            },
            headers,
        }
    }

    /// How the retry engine sees this failure of a `method` request to `url`: storage's 500
    /// (S3 asks for it to be retried) and the codes every idempotent API call is retried on,
    /// and any failure without an answer, are tried again; a short object is not.
    pub(crate) fn classify(self, method: &str, url: &str) -> Failed {
        let (fault, verdict) = match &self {
            Failure::Status {
                status, headers, ..
            } => (
                Fault::Answer(headers.clone()),
                if *status == 500 || retry::is_retryable("PUT", *status) {
                    Verdict::Retry
                } else {
                    Verdict::GiveUp
                },
            ),
            Failure::Connect(_) => (Fault::Connect, Verdict::Retry),
            Failure::Transport(_) => (Fault::NoAnswer, Verdict::Retry),
            Failure::ShortObject => (Fault::NoAnswer, Verdict::GiveUp),
        };
        Failed {
            error: self.into_error(method, url),
            fault,
            verdict,
        }
    }

    pub(crate) fn into_error(self, method: &str, url: &str) -> Error {
        let (status, message) = match self {
            Failure::Status {
                status, message, ..
            } => (Some(status), message),
            Failure::Connect(message) | Failure::Transport(message) => (None, message),
            Failure::ShortObject => (Some(416), "the object is shorter than the API says".into()),
        };
        Error::Storage {
            method: method.to_string(),
            url: redact(url).to_string(),
            status,
            message,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Status {
                status, message, ..
            } => write!(f, "storage answered ({status}) {message}"),
            Failure::Connect(message) | Failure::Transport(message) => f.write_str(message),
            Failure::ShortObject => f.write_str("the object is shorter than the API says"),
        }
    }
}

/// `Ok` for a success, whose (small) body is read so that the connection goes back to the
/// pool; the failure it stands for otherwise.
pub(crate) fn finished(mut response: http::Response<ureq::Body>) -> Result<(), Failure> {
    if !response.status().is_success() {
        return Err(Failure::from_response(response));
    }
    let _ = response
        .body_mut()
        .with_config()
        .limit(1 << 20)
        .read_to_vec();
    Ok(())
}

/// The retry state of one transfer: the client's rules and clock.
pub(crate) fn retrier(config: &Config) -> Retrier {
    Retrier::new(config.retry, config.clock.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> Failure {
        Failure::Status {
            status,
            headers: Headers {
                status,
                entries: Vec::new(),
            },
            message: "SlowDown".into(),
        }
    }

    #[test]
    fn storage_failures_are_retried_as_s3_asks() {
        let verdict = |failure: Failure| failure.classify("PUT", "http://127.0.0.1/b?sig").verdict;
        assert_eq!(verdict(status(500)), Verdict::Retry);
        assert_eq!(verdict(status(503)), Verdict::Retry);
        assert_eq!(verdict(status(403)), Verdict::GiveUp);
        assert_eq!(verdict(Failure::Connect("refused".into())), Verdict::Retry);
        assert_eq!(verdict(Failure::Transport("reset".into())), Verdict::Retry);
        assert_eq!(verdict(Failure::ShortObject), Verdict::GiveUp);
    }

    #[test]
    fn a_classified_failure_names_no_signature() {
        let failed = status(403).classify("GET", "http://127.0.0.1/b?X-Amz-Signature=secret");
        assert!(
            !failed.error.to_string().contains("secret"),
            "{}",
            failed.error
        );
    }
}
