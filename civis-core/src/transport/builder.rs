//! The builder of a client: settings from the environment and from code, checked (the key, the
//! base URL's scheme and host) before a client is made from them.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use crate::data::error::Error;
use crate::data::names::NameOrId;
use crate::transport::client::Client;
use crate::transport::config::{
    ApiKey, Config, StalledTransfer, DEFAULT_API_ENDPOINT, DEFAULT_MAX_RESPONSE_SIZE,
};
use crate::transport::polling::Polling;
use crate::transport::retry::{Clock, Retry, SystemClock};

impl Client {
    /// A client configured from the environment (`CIVIS_API_KEY`, `CIVIS_API_ENDPOINT`).
    pub fn new() -> Result<Self, Error> {
        Self::builder().build()
    }

    /// A builder for a client with explicit settings.
    pub fn builder() -> ClientBuilder<Self> {
        ClientBuilder::new()
    }
}

/// Builds a client; `C` is the client type built (a generated `ApiClient` or the plain
/// [`Client`]).
///
/// # Security
///
/// The key is sent only to the base URL, as `Authorization: Bearer <key>`, and only over
/// HTTPS unless the host is a loopback address (the mock, a local proxy): `build()` refuses
/// `http://` to any other host unless [`allow_insecure_http`](Self::allow_insecure_http) says
/// so. API calls never follow redirects. Nothing of civis-rs logs the key, but `TRACE` logging
/// of the `ureq_proto` target prints every request head, `Authorization` included, as `curl -v`
/// would: keep that level off where logs are kept.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// let client = civis::Client::builder()
///     .api_key("my-key")
///     .base_url("https://api.civisanalytics.com/")
///     .retry(civis::config::Retry::total(3))
///     .build()?;
/// # Ok(()) }
/// ```
pub struct ClientBuilder<C = Client> {
    api_key: Option<ApiKey>,
    base_url: Option<String>,
    user_agent: Option<String>,
    retry: Retry,
    connect_timeout: Duration,
    read_timeout: Duration,
    timeout: Duration,
    max_response_size: u64,
    stalled_transfer: StalledTransfer,
    allow_insecure_http: bool,
    clock: Arc<dyn Clock>,
    polling: Polling,
    default_database: Option<NameOrId>,
    client: PhantomData<fn() -> C>,
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key)
            .field("base_url", &self.base_url)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("connect_timeout", &self.connect_timeout)
            .field("read_timeout", &self.read_timeout)
            .field("timeout", &self.timeout)
            .field("polling", &self.polling)
            .field("max_response_size", &self.max_response_size)
            .field("stalled_transfer", &self.stalled_transfer)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("default_database", &self.default_database)
            .finish()
    }
}

impl<C> Default for ClientBuilder<C> {
    fn default() -> Self {
        Self {
            api_key: None,
            base_url: None,
            user_agent: None,
            retry: Retry::default(),
            connect_timeout: Duration::from_secs(30),
            read_timeout: Duration::from_secs(120),
            timeout: Duration::from_secs(600),
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            stalled_transfer: StalledTransfer::default(),
            allow_insecure_http: false,
            clock: Arc::new(SystemClock),
            polling: Polling::default(),
            default_database: None,
            client: PhantomData,
        }
    }
}

impl<C: From<Client>> ClientBuilder<C> {
    /// A builder with the defaults: key and base URL from the environment when not set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The API key; without it, `CIVIS_API_KEY` is read.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(ApiKey::new(key));
        self
    }

    /// The API's base URL; without it, `CIVIS_API_ENDPOINT`, else [`DEFAULT_API_ENDPOINT`].
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// A prefix for the `User-Agent` header, e.g. your program's name and version.
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = Some(agent.into());
        self
    }

    /// Retry rules; [`Retry::none`] turns retries off.
    pub fn retry(mut self, retry: Retry) -> Self {
        self.retry = retry;
        self
    }

    /// Longest time for one whole attempt, from connecting to the end of the body (default
    /// 600 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Longest time to wait for the answer, and for each read of its body (default 120 s): a
    /// server that stalls ends in `Error::Transport` instead of a hang.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Replaces the clock and random source of the retry loop, e.g. to test retries without
    /// waiting.
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// How often runs are polled while waiting for them (default: civis-python's 1 s, x1.2 per
    /// poll, at most 15 s); one run can change it with `Run::polling`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// let client = civis::Client::builder()
    ///     .polling(civis::runs::Polling::every(std::time::Duration::from_secs(30)))
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = polling;
        self
    }

    /// The database that SQL runs on when a call gives none (`client.sql(sql, None)`): a name
    /// or an id. Without it, `CIVIS_DATABASE` is read (digits are an id, anything else a name);
    /// without either, the one database the user can see, if there is exactly one (civis-r's
    /// `options(civis.default_db = ..)` and its fallback). See
    /// [`Client::default_database`](crate::Client::default_database).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// let client = civis::Client::builder().default_database("redshift-general").build()?;
    /// let rows = client.sql("select 1", None).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn default_database(mut self, database: impl Into<NameOrId>) -> Self {
        self.default_database = Some(database.into());
        self
    }

    /// Longest time to open a connection (default 30 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The largest answer body the client reads, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE_SIZE`], 256 MiB); a larger answer is `Error::ResponseTooLarge`.
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// When a download from file storage counts as stalled and fails (default: under 1 byte/s
    /// on average over 5 s, as the AWS SDK's stalled-stream protection).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// use civis::config::StalledTransfer;
    /// let client = civis::Client::builder()
    ///     .stalled_transfer(StalledTransfer { min_bytes_per_second: 1024, grace: std::time::Duration::from_secs(30) })
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn stalled_transfer(mut self, stalled: StalledTransfer) -> Self {
        self.stalled_transfer = stalled;
        self
    }

    /// Whether a plain `http://` base URL is accepted for a host that is not a loopback address
    /// (default `false`). The API key would then cross the network in cleartext; `http://` to
    /// `127.0.0.0/8`, `::1` and `localhost` is always accepted.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// The configuration this builder makes, with the environment filled in.
    pub fn config(self) -> Result<Config, Error> {
        let (api_key, from) =
            match self.api_key {
                Some(key) => (key, "the API key given to `.api_key(..)`"),
                None => match std::env::var("CIVIS_API_KEY") {
                    Ok(key) if !key.is_empty() => (ApiKey::new(key), "CIVIS_API_KEY"),
                    _ => return Err(Error::Config(
                        "no API key found: set CIVIS_API_KEY or call .api_key(..) on the builder"
                            .to_string(),
                    )),
                },
            };
        check_api_key(api_key.expose(), from)?;
        crate::data::error::mask_in_errors(api_key.expose());
        let mut base_url = self
            .base_url
            .or_else(|| {
                std::env::var("CIVIS_API_ENDPOINT")
                    .ok()
                    .filter(|u| !u.is_empty())
            })
            .unwrap_or_else(|| DEFAULT_API_ENDPOINT.to_string());
        if !base_url.starts_with("http://") && !base_url.starts_with("https://") {
            return Err(Error::Config(format!(
                "the base URL `{base_url}` must start with http:// or https://"
            )));
        }
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        if base_url.starts_with("http://") && !self.allow_insecure_http {
            let host = url_host(&base_url);
            if !is_loopback(host) {
                return Err(Error::Config(format!(
                    "the base URL `{base_url}` is plain http:// to `{host}`, which would send the API key \
                     unencrypted; use https://, or call .allow_insecure_http(true) on the builder if \
                     the network between you and `{host}` is trusted"
                )));
            }
        }
        let suffix = concat!("civis-rust/", env!("CARGO_PKG_VERSION"));
        let user_agent = match self.user_agent {
            Some(prefix) if !prefix.trim().is_empty() => format!("{} {suffix}", prefix.trim()),
            _ => suffix.to_string(),
        };
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Ok(Config {
            api_key,
            base_url,
            user_agent,
            retry: self.retry,
            connect_timeout: self.connect_timeout,
            read_timeout: self.read_timeout,
            timeout: self.timeout,
            clock: self.clock,
            polling: self.polling,
            max_response_size: self.max_response_size,
            stalled_transfer: self.stalled_transfer,
            job_id: env("CIVIS_JOB_ID"),
            run_id: env("CIVIS_RUN_ID"),
            default_database: self.default_database.or_else(|| {
                env("CIVIS_DATABASE").map(|given| match given.trim().parse::<i64>() {
                    Ok(id) => NameOrId::from(id),
                    Err(_) => NameOrId::from(given),
                })
            }),
        })
    }

    /// Builds the client. Fails, before anything is sent, when no API key is found, the base URL
    /// is not HTTP(S), or it is plain HTTP to a host other than loopback (see
    /// [`allow_insecure_http`](Self::allow_insecure_http)).
    pub fn build(self) -> Result<C, Error> {
        Ok(C::from(Client::from_config(self.config()?)))
    }
}

/// Refuses a key that cannot go into an `Authorization` header as it is (it would be sent
/// empty, or as a bare `Bearer`, and the API's answer would only say the key is invalid):
/// blank, or holding a line break, another control character or a non-ASCII character. The
/// message says what is wrong and where, never the key.
fn check_api_key(key: &str, from: &str) -> Result<(), Error> {
    let refused = |what: String| {
        Err(Error::Config(format!(
            "{from} {what}; API keys are printable ASCII: check how the key was copied (the key is not shown)"
        )))
    };
    if key.trim().is_empty() {
        return refused(format!(
            "is blank ({} characters of white space)",
            key.chars().count()
        ));
    }
    for (index, c) in key.chars().enumerate() {
        let at = index + 1;
        let (what, hint) = match c {
            '\n' | '\r' => (
                "a line break",
                " (a key read from a file often keeps its last newline: trim it)",
            ),
            c if c.is_control() => ("a control character", ""),
            c if !c.is_ascii() => (
                "a non-ASCII character",
                " (a typographic quote or a non-breaking space, often)",
            ),
            _ => continue,
        };
        return refused(format!(
            "holds {what} at character {at} of {}{hint}",
            key.chars().count()
        ));
    }
    Ok(())
}

/// The host of an `http(s)://` URL, without port, user information or IPv6 brackets.
fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(bracketed) = host_port.strip_prefix('[') {
        return bracketed.split(']').next().unwrap_or_default();
    }
    host_port.split(':').next().unwrap_or_default()
}

/// Whether the host of the `http(s)://` URL `url` names this machine: the one rule for where a
/// key may go over plain HTTP, for the builder and the command line.
pub fn is_loopback_url(url: &str) -> bool {
    is_loopback(url_host(url))
}

/// Whether `host` names this machine: `localhost` or an address in `127.0.0.0/8` or `::1`.
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(url: &str, allow: bool) -> Result<Config, Error> {
        ClientBuilder::<Client>::new()
            .api_key("k")
            .base_url(url)
            .allow_insecure_http(allow)
            .config()
    }

    #[test]
    fn plain_http_is_refused_for_hosts_beyond_loopback() {
        for url in [
            "http://api.example.com/",
            "http://10.0.0.5:8080",
            "http://user@[2001:db8::1]:80/",
            "http://127.0.0.1.example.com/",
        ] {
            let error = build(url, false).unwrap_err().to_string();
            assert!(
                error.contains("unencrypted") && error.contains(".allow_insecure_http(true)"),
                "{url}: {error}"
            );
        }
    }

    #[test]
    fn loopback_https_and_the_opt_in_are_accepted() {
        for url in [
            "http://127.0.0.1:8080/",
            "http://127.3.2.1/",
            "http://[::1]:9000/",
            "http://LOCALHOST:1/",
            "https://api.example.com/",
        ] {
            assert!(build(url, false).is_ok(), "{url}");
        }
        assert_eq!(
            build("http://api.example.com", true).unwrap().base_url(),
            "http://api.example.com/"
        );
    }

    #[test]
    fn a_key_that_cannot_be_sent_is_refused_saying_why_and_never_shown() {
        let key = |key: &str| {
            ClientBuilder::<Client>::new()
                .api_key(key)
                .base_url("http://127.0.0.1:1")
                .config()
                .map(drop)
                .map_err(|e| e.to_string())
        };
        let cases = [
            ("secretkey123\n", "a line break at character 13 of 13"),
            ("secret\rkey", "a line break"),
            ("secret\tkey", "a control character at character 7"),
            ("secret\u{a0}key", "a non-ASCII character"),
            ("“secretkey”", "a non-ASCII character at character 1"),
            ("", "is blank"),
            ("   ", "is blank"),
        ];
        for (given, expected) in cases {
            let error = key(given).unwrap_err();
            assert!(error.contains(expected), "{given:?}: {error}");
            assert!(error.contains("`.api_key(..)`"), "{error}");
            assert!(!error.contains("secret"), "the key is echoed: {error}");
        }
        assert!(key("abc-DEF_123.456").is_ok());
    }

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(url_host("http://a.b:80/x"), "a.b");
        assert_eq!(url_host("http://u:p@[::1]:80/"), "::1");
        assert_eq!(url_host("http://h?x=1"), "h");
    }
}
