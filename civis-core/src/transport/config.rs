//! Client configuration: API key, base URL, user agent, retries, timeouts. The builder that
//! makes a client from them is [`builder`](super::builder).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::data::names::NameOrId;
use crate::transport::polling::Polling;
use crate::transport::retry::{Clock, Retry};

/// The API's address when `CIVIS_API_ENDPOINT` is not set.
pub const DEFAULT_API_ENDPOINT: &str = "https://api.civisanalytics.com/";

/// The largest answer body a client reads by default: 256 MiB. The API's largest answers (its
/// spec, long lists) are a few megabytes; the limit only stops a broken or hostile server from
/// filling memory.
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 256 * 1024 * 1024;

/// The API key. Its `Debug` output is redacted, so it never reaches a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The key itself, for the `Authorization` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// Everything a client is made from, as [`ClientBuilder::config`](crate::ClientBuilder::config) resolved it (the environment
/// filled in); read it from a client with [`Client::config`](crate::Client::config). Its fields are private so that
/// settings can be added without breaking code: each has a getter that states its default.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) api_key: ApiKey,
    pub(crate) base_url: String,
    pub(crate) user_agent: String,
    pub(crate) retry: Retry,
    pub(crate) connect_timeout: Duration,
    pub(crate) read_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) polling: Polling,
    pub(crate) max_response_size: u64,
    pub(crate) stalled_transfer: StalledTransfer,
    pub(crate) job_id: Option<String>,
    pub(crate) run_id: Option<String>,
    pub(crate) default_database: Option<NameOrId>,
}

/// When a download from file storage counts as stalled: fewer than `min_bytes_per_second` on
/// average over any `grace` period (the AWS SDK's stalled-stream protection, whose default this
/// is: 1 byte/s over 5 s). A stalled download fails (`Error::Storage`) instead of trickling on:
/// the per-read timeout ends a transfer that sends nothing, not one that sends a byte now and
/// then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StalledTransfer {
    /// The least average rate, in bytes per second; 0 turns the protection off.
    pub min_bytes_per_second: u64,
    /// The period over which the rate is measured.
    pub grace: Duration,
}

impl Default for StalledTransfer {
    fn default() -> Self {
        Self {
            min_bytes_per_second: 1,
            grace: Duration::from_secs(5),
        }
    }
}

impl Config {
    /// The API key: [`ClientBuilder::api_key`](crate::ClientBuilder::api_key), else `CIVIS_API_KEY` (no default: a client
    /// without one is not built). Its `Debug` is redacted.
    pub fn api_key(&self) -> &ApiKey {
        &self.api_key
    }

    /// The API's base URL, ending in `/`: [`ClientBuilder::base_url`](crate::ClientBuilder::base_url), else
    /// `CIVIS_API_ENDPOINT`, else [`DEFAULT_API_ENDPOINT`].
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The whole `User-Agent` header: `civis-rust/<version>`, after the prefix given to
    /// [`ClientBuilder::user_agent`](crate::ClientBuilder::user_agent) if any.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// Retry rules. Defaults to [`Retry::default`]: 10 attempts within 600 s.
    pub fn retry(&self) -> Retry {
        self.retry
    }

    /// Longest time to open a connection. Defaults to 30 s.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// Longest time to wait for the answer's headers, and for each read of its body. Defaults
    /// to 120 s.
    pub fn read_timeout(&self) -> Duration {
        self.read_timeout
    }

    /// Longest time for one whole attempt, from connecting to the end of the body. Defaults to
    /// 600 s.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The time and chance source of retries and waits. Defaults to [`SystemClock`](crate::config::SystemClock).
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// How often runs are polled while waiting for them. Defaults to [`Polling::default`]:
    /// civis-python's 1 s, each pause 1.2 times the last, at most 15 s.
    pub fn polling(&self) -> Polling {
        self.polling
    }

    /// The largest answer body read, in bytes; a larger one is `Error::ResponseTooLarge`.
    /// Defaults to [`DEFAULT_MAX_RESPONSE_SIZE`] (256 MiB).
    pub fn max_response_size(&self) -> u64 {
        self.max_response_size
    }

    /// When a download from file storage counts as stalled. Defaults to
    /// [`StalledTransfer::default`]: under 1 byte/s over 5 s.
    pub fn stalled_transfer(&self) -> StalledTransfer {
        self.stalled_transfer
    }

    /// `X-Civis-Job-ID`, from `CIVIS_JOB_ID` (default: none, the header is not sent).
    pub fn job_id(&self) -> Option<&str> {
        self.job_id.as_deref()
    }

    /// The database SQL runs on when a call gives none:
    /// [`ClientBuilder::default_database`](crate::ClientBuilder::default_database), else
    /// `CIVIS_DATABASE` (digits are an id, anything else a name); default none, when the one
    /// database the user can see is used (see [`Client::default_database`](crate::Client::default_database)).
    pub fn default_database(&self) -> Option<&NameOrId> {
        self.default_database.as_ref()
    }

    /// `X-Civis-Run-ID`, from `CIVIS_RUN_ID` (default: none, the header is not sent).
    pub fn run_id(&self) -> Option<&str> {
        self.run_id.as_deref()
    }
}
