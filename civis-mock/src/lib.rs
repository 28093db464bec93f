//! An offline Civis API: a real HTTP server on `127.0.0.1` that answers from the spec's recorded
//! examples, serves the spec at `GET /endpoints`, lets a test script answers, runs the jobs a
//! test declares ([`MockServer::job`], [`MockJob`]), and records every request it receives.
//! (civis-python offers `civis.tests.create_client_mock`; this is a real server, so the whole
//! client, transport and retries included, runs against it.)
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use civis_mock::{MockServer, Scripted};
//!
//! let mock = MockServer::start_from_file("civis_api_spec.json")?;
//! mock.script("GET", "/users/me", [Scripted::status(503), Scripted::json(200, r#"{"id": 1, "username": "me"}"#)]);
//! let client = civis::ApiClient::builder().api_key("any").base_url(mock.url()).build()?;
//! let me = client.users().get_me().send()?; // retried after the 503
//! assert_eq!(mock.requests().len(), 2);
//! # Ok(()) }
//! ```
//!
//! It also stores files as Civis does (see `upload_file` and `download_file` on the client):
//! `POST /files/` and `POST /files/multipart` answer with upload URLs on the mock's own storage
//! server (another port, as S3 is another host), and `GET /files/{id}` of a stored file with a
//! download URL there that honours `Range`. The bytes go to a temporary directory;
//! [`MockServer::fail_part_once`], [`MockServer::drop_download_once_after`] and
//! [`MockServer::expire_file`] script storage's failures.
//!
//! It holds a small database too (`database`, `sql_returns`, `sql_fails`, `table`,
//! `typed_table`, `unscanned_table`, `table_rows`, [`MockRows`]): queries with preview rows,
//! SQL exports written as gzipped CSV into its storage, preprocess and import jobs that create
//! or extend tables, Dbsync transfers and table scans (`POST /tables/scan`), all run as
//! simulated jobs; `GET /tables` and `GET /tables/{id}` describe its tables as the spec's
//! `Table` (with `order` and a `tableDef` that says `NOT NULL`), whose typed values are stored
//! and exported as Redshift prints them. A table an import makes is unknown to the API until it
//! is scanned, as on the platform.
//!
//! A simulated job's runs take outputs as a script's do
//! (`POST /scripts/{kind}/{id}/runs/{run_id}/outputs`, the kind from the job's type,
//! [`MockJob::job_type`]; `POST /json_values` for JSON values), listed after the outputs the
//! job declares.
//!
//! Behind the `mock` feature.

mod database;
mod error;
mod http;
mod jobs;
mod rate_limit;
mod recorded;
mod routes;
mod routing;
mod storage;

use std::collections::VecDeque;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use http::{Head, HttpServer, Reply};

use serde_json::Value;

pub use database::MockRows;
pub use error::Error;
pub use jobs::{MockJob, DEFAULT_JOB_TYPE};
pub use recorded::{describe, examples, query_pairs, Example, Incoming};

use storage::{Storage, Store};

/// One scripted answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Scripted {
    /// HTTP status.
    pub status: u16,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Body text.
    pub body: String,
    /// How long to wait before answering.
    pub delay: Duration,
    /// Close the connection without answering.
    pub drop_connection: bool,
}

impl Scripted {
    /// An answer with `status` and an empty body.
    pub fn status(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: String::new(),
            delay: Duration::ZERO,
            drop_connection: false,
        }
    }

    /// A JSON answer.
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self {
            body: body.into(),
            ..Self::status(status)
        }
        .header("Content-Type", "application/json")
    }

    /// A connection closed without an answer.
    pub fn drop_connection() -> Self {
        Self {
            drop_connection: true,
            ..Self::status(0)
        }
    }

    /// The same answer with one more header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// The same answer, sent after `delay`.
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// A request the mock received.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedRequest {
    /// Upper-case HTTP verb.
    pub method: String,
    /// Path and query as sent.
    pub url: String,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// Body text.
    pub body: String,
}

impl ReceivedRequest {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON; `None` when it is empty or not JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_str(&self.body).ok()
    }

    /// The decoded path, query and JSON body, as matching sees them.
    pub fn incoming(&self) -> Incoming {
        let (path, query) = self.url.split_once('?').unwrap_or((&self.url, ""));
        Incoming {
            method: self.method.clone(),
            path: recorded::percent_decode(path),
            query: query_pairs(query),
            body: serde_json::from_str(&self.body).ok(),
        }
    }
}

/// A scripted route: a verb (`*`: any), a path pattern (`{name}` matches one segment, `*` any
/// path) and answers.
#[derive(Debug)]
struct Script {
    method: String,
    pattern: Vec<String>,
    answers: VecDeque<Scripted>,
}

impl Script {
    /// A route for `method` on `path` (its query, if any, ignored).
    fn new(method: &str, path: &str, answers: VecDeque<Scripted>) -> Self {
        let pattern = path
            .split('?')
            .next()
            .unwrap_or(path)
            .trim_matches('/')
            .split('/')
            .map(str::to_string)
            .collect();
        Self {
            method: method.to_uppercase(),
            pattern,
            answers,
        }
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let any_path = self.pattern.len() == 1 && self.pattern[0] == "*";
        let same_path = segments.len() == self.pattern.len()
            && self
                .pattern
                .iter()
                .zip(&segments)
                .all(|(p, s)| (p.starts_with('{') && p.ends_with('}')) || p == s);
        (self.method == "*" || self.method.eq_ignore_ascii_case(method)) && (any_path || same_path)
    }
}

#[derive(Debug, Default)]
struct State {
    scripts: Vec<Script>,
    /// Routes whose next request is carried out as usual, then answered with the script's
    /// answer instead (a gateway's 503 after the API did the work).
    after_work: Vec<Script>,
    received: VecDeque<ReceivedRequest>,
    /// How many requests `received` keeps, the newest (`None`: all).
    keep_requests: Option<usize>,
    jobs: jobs::Jobs,
    database: database::Database,
    rate: Option<rate_limit::RateWindow>,
}

/// A running mock Civis API. It stops when dropped.
pub struct MockServer {
    url: String,
    state: Arc<Mutex<State>>,
    storage: Storage,
    // Held for its `Drop`, which stops the server.
    _server: HttpServer,
}

impl State {
    /// Logs `request`, forgetting the oldest beyond [`MockServer::keep_requests`].
    fn record(&mut self, request: ReceivedRequest) {
        self.received.push_back(request);
        if let Some(keep) = self.keep_requests {
            while self.received.len() > keep {
                self.received.pop_front();
            }
        }
    }
}

/// The largest request body an API route takes (storage's routes stream theirs to disk): a
/// larger one is answered 413 without being read.
pub const MAX_API_BODY: u64 = 16 * 1024 * 1024;

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl MockServer {
    /// Starts a mock of the spec in the file at `path`, on a free port of 127.0.0.1.
    pub fn start_from_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let spec = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::start(spec, 0)
    }

    /// Starts a mock of the spec bundled with civis (the snapshot the ready-made
    /// `civis::ApiClient` is built from when nothing else is pinned), on a free port.
    pub fn start_bundled() -> Result<Self, Error> {
        Self::start(
            civis_core::__private::spec_files::BUNDLED_SPEC.to_string(),
            0,
        )
    }

    /// Starts a mock with no spec: it answers only what is scripted (and 404 otherwise).
    pub fn scripted() -> Result<Self, Error> {
        Self::start("{}".to_string(), 0)
    }

    /// Starts a mock of the spec `spec` (its JSON text) on `port` of 127.0.0.1 (0: a free one).
    pub fn start(spec: String, port: u16) -> Result<Self, Error> {
        let parsed: Value = serde_json::from_str(&spec)
            .map_err(|e| Error::Spec(format!("the mock's spec is not JSON: {e}")))?;
        let examples = Arc::new(examples(&parsed));
        let listener = listen(port).map_err(|e| {
            Error::Start(format!("the mock cannot listen on 127.0.0.1:{port}: {e}"))
        })?;
        let state = Arc::new(Mutex::new(State::default()));
        let storage = Storage::start(state.clone())
            .map_err(|e| Error::Start(format!("the mock cannot start its file storage: {e}")))?;
        let spec = Arc::new(spec);
        let shared = state.clone();
        let store = storage.store().clone();
        let server = HttpServer::start(
            listener,
            Arc::new(move |head: &Head, body: &mut dyn Read| {
                answer(head, body, &shared, &store, &spec, &examples)
            }),
        )
        .map_err(|e| Error::Start(format!("the mock cannot start on 127.0.0.1:{port}: {e}")))?;
        Ok(Self {
            url: format!("http://{}/", server.address()),
            state,
            storage,
            _server: server,
        })
    }

    /// The base URL to point a client at: `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Scripts the answers to `method` on `path` (`{name}` segments match anything; `"*"` as
    /// method or path matches every one), one per request in order; the last repeats. Scripts come before recorded examples, the newest
    /// script first.
    pub fn script(&self, method: &str, path: &str, answers: impl IntoIterator<Item = Scripted>) {
        let answers: VecDeque<Scripted> = answers.into_iter().collect();
        if answers.is_empty() {
            return;
        }
        lock(&self.state)
            .scripts
            .insert(0, Script::new(method, path, answers));
    }

    /// Carries out the next `method` `path` request as usual (a run is started, a job made),
    /// then answers it with `answer` instead, once: a gateway's 503 or a cut connection after
    /// the API did the work, so that a client retrying it would do it twice.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use civis_mock::{MockJob, MockServer, Scripted};
    /// let mock = MockServer::scripted()?;
    /// mock.job(7, MockJob::succeeds_after(2));
    /// mock.fail_after_work_once("POST", "/jobs/7/runs", Scripted::status(503));
    /// # Ok(()) }
    /// ```
    pub fn fail_after_work_once(&self, method: &str, path: &str, answer: Scripted) {
        lock(&self.state)
            .after_work
            .push(Script::new(method, path, VecDeque::from([answer])));
    }

    /// Every request received so far, in order (the newest `at_most` after
    /// [`keep_requests`](Self::keep_requests)).
    pub fn requests(&self) -> Vec<ReceivedRequest> {
        lock(&self.state).received.iter().cloned().collect()
    }

    /// Keeps only the newest `at_most` requests in the log [`requests`](Self::requests) reads
    /// (by default it keeps every one, for a test to look at): for a mock that serves for a long
    /// time, such as `civis mock serve`, whose memory must not grow with each request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.keep_requests(100);
    /// # Ok(()) }
    /// ```
    pub fn keep_requests(&self, at_most: usize) {
        let mut state = lock(&self.state);
        state.keep_requests = Some(at_most);
        let excess = state.received.len().saturating_sub(at_most);
        state.received.drain(..excess);
    }

    /// Forgets the requests received so far.
    pub fn clear_requests(&self) {
        lock(&self.state).received.clear();
    }

    /// Makes the next PUT of part `part` (from 1) of a multipart upload answer `status` instead
    /// of storing it, once (S3's occasional 500 or 503).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.fail_part_once(2, 503);
    /// # Ok(()) }
    /// ```
    pub fn fail_part_once(&self, part: usize, status: u16) {
        self.storage.store().fail_part_once(part, status);
    }

    /// Makes the next download from the mock's storage pause for `pause` after `bytes` bytes of
    /// the body, once: a transfer that stalls mid-way (to kill a downloading process, say).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.stall_download_once_after(4096, std::time::Duration::from_secs(30));
    /// # Ok(()) }
    /// ```
    pub fn stall_download_once_after(&self, bytes: u64, pause: Duration) {
        self.storage.store().stall_download_once_after(bytes, pause);
    }

    /// Makes the next download from the mock's storage send `bytes` bytes at a time, waiting
    /// `pause` before each piece: a trickle, for stalled-transfer protection.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.trickle_download_once(1, std::time::Duration::from_secs(2));
    /// # Ok(()) }
    /// ```
    pub fn trickle_download_once(&self, bytes: usize, pause: Duration) {
        self.storage.store().trickle_download_once(bytes, pause);
    }

    /// Makes the next download from the mock's storage close its connection after `bytes`
    /// bytes of the body, once, though the answer announced the whole length.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// mock.drop_download_once_after(4096);
    /// # Ok(()) }
    /// ```
    pub fn drop_download_once_after(&self, bytes: u64) {
        self.storage.store().drop_download_once_after(bytes);
    }

    /// Expires the stored file `id`: `GET /files/{id}` then answers without a download URL, and
    /// the old URL is refused. `false` when the mock holds no such file.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// assert!(!mock.expire_file(7));
    /// # Ok(()) }
    /// ```
    pub fn expire_file(&self, id: i64) -> bool {
        self.storage.store().expire(id)
    }

    /// Where the mock keeps the bytes of file `id`, once they are uploaded (and, for a
    /// multipart upload, completed). The directory goes when the mock is dropped.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mock = civis_mock::MockServer::scripted()?;
    /// assert_eq!(mock.stored_file(7), None);
    /// # Ok(()) }
    /// ```
    pub fn stored_file(&self, id: i64) -> Option<std::path::PathBuf> {
        self.storage.store().stored_path(id)
    }
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

/// A listener on 127.0.0.1:`port` that can take a port a previous mock just left.
fn listen(port: u16) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    let address: std::net::SocketAddr = ([127, 0, 0, 1], port).into();
    socket.bind(&address.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

fn answer(
    head: &Head,
    body: &mut dyn Read,
    state: &Mutex<State>,
    storage: &Store,
    spec: &str,
    examples: &[Example],
) -> Reply {
    let announced = head
        .header("content-length")
        .and_then(|length| length.trim().parse::<u64>().ok());
    let mut bytes = Vec::new();
    let too_large = match announced {
        Some(length) if length > MAX_API_BODY => Some(length.to_string()),
        _ => {
            let _ = (&mut *body).take(MAX_API_BODY + 1).read_to_end(&mut bytes);
            (bytes.len() as u64 > MAX_API_BODY).then(|| format!("more than {MAX_API_BODY}"))
        }
    };
    if too_large.is_some() {
        bytes.clear();
    }
    let received = ReceivedRequest {
        method: head.method.clone(),
        url: head.target.clone(),
        headers: head.headers.clone(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    drop(bytes);
    let incoming = received.incoming();
    let mut rate_headers = Vec::new();
    let scripted = {
        let mut state = lock(state);
        state.record(received);
        if let Some(size) = too_large {
            return refused(
                413,
                "payload_too_large",
                &format!(
                    "The mock Civis API takes request bodies of at most {MAX_API_BODY} bytes; this one has {size}."
                ),
                &[("Connection", "close")],
            );
        }
        // A scripted answer is the test's own: given as scripted, key or not (a presigned
        // URL scripted on the API's port carries none). The API's routes want a key.
        let scripted_route = state
            .scripts
            .iter()
            .any(|s| s.matches(&incoming.method, &incoming.path));
        if !scripted_route && !has_credentials(head) {
            return refused(
                401,
                "invalid_token",
                "The request carries no API key: send it as `Authorization: Bearer KEY`, as the Civis API requires.",
                &[("WWW-Authenticate", "Bearer")],
            );
        }
        match state.rate.as_mut().map(rate_limit::RateWindow::take) {
            Some(Err(refused)) => {
                return Reply::bytes(refused.status, refused.headers, refused.body.into_bytes())
            }
            Some(Ok(headers)) => rate_headers = headers,
            None => {}
        }
        let scripted = state
            .scripts
            .iter_mut()
            .find(|s| s.matches(&incoming.method, &incoming.path))
            .map(|script| {
                if script.answers.len() > 1 {
                    script
                        .answers
                        .pop_front()
                        .unwrap_or_else(|| Scripted::status(500))
                } else {
                    script
                        .answers
                        .front()
                        .cloned()
                        .unwrap_or_else(|| Scripted::status(500))
                }
            });
        // Scripts first, so a test can put a fault in front of a simulated route.
        let state = &mut *state;
        let done = scripted.or_else(|| {
            let mut simulation = routes::Simulation {
                database: &mut state.database,
                jobs: &mut state.jobs,
                store: storage,
            };
            routes::answer(&incoming, &mut simulation)
        });
        let fault = state
            .after_work
            .iter()
            .position(|s| s.matches(&incoming.method, &incoming.path))
            .map(|at| state.after_work.remove(at))
            .and_then(|mut script| script.answers.pop_front());
        match (done, fault) {
            (Some(_), Some(fault)) => Some(fault),
            (done, _) => done,
        }
    };
    let reply = scripted.unwrap_or_else(|| from_examples(&incoming, spec, examples));
    thread::sleep(reply.delay);
    if reply.drop_connection {
        return Reply::Close;
    }
    let mut headers = reply.headers;
    headers.extend(rate_headers);
    Reply::bytes(reply.status, headers, reply.body.into_bytes())
}

/// Whether `head` carries a credential, as the API requires of every request: an
/// `Authorization` header with a scheme and a value (`Bearer KEY`, or `Basic ...` as
/// civis-python sends it).
fn has_credentials(head: &Head) -> bool {
    head.header("authorization")
        .and_then(|value| value.trim().split_once(' '))
        .is_some_and(|(scheme, credential)| !scheme.is_empty() && !credential.trim().is_empty())
}

/// An error answer in the API's shape (`error`, `errorDescription`, `code`).
fn refused(status: u16, error: &str, description: &str, headers: &[(&str, &str)]) -> Reply {
    let body = serde_json::json!({"error": error, "errorDescription": description, "code": status});
    let mut all = vec![("Content-Type".to_string(), "application/json".to_string())];
    all.extend(headers.iter().map(|(n, v)| (n.to_string(), v.to_string())));
    Reply::bytes(status, all, body.to_string().into_bytes())
}

/// The spec at `GET /endpoints`, a recorded answer, or a 404 naming the closest recording.
fn from_examples(incoming: &Incoming, spec: &str, examples: &[Example]) -> Scripted {
    if incoming.method == "GET" && incoming.path.trim_end_matches('/') == "/endpoints" {
        return Scripted::json(200, spec);
    }
    if let Some(example) = examples.iter().find(|e| incoming.matches(e)) {
        let mut reply = Scripted::status(example.status);
        reply.headers = example.headers.clone();
        reply.body = example.response_body.clone();
        return reply;
    }
    let mine = describe(&Example {
        method: incoming.method.clone(),
        path: incoming.path.clone(),
        query: incoming.query.clone(),
        body: None,
        status: 0,
        headers: Vec::new(),
        response_body: String::new(),
        template: String::new(),
    });
    let message = match incoming.closest(examples) {
        Some((closest, why)) => format!(
            "The mock Civis API has no recorded answer for {mine}; the closest recorded request is {} ({why}).",
            describe(closest)
        ),
        None => format!("The mock Civis API has no recorded answer for {mine}, and its spec records none."),
    };
    let body = serde_json::json!({"error": "not_found", "errorDescription": message, "code": 404});
    Scripted::json(404, body.to_string())
}
