//! A client generated from the repository's snapshot of the Civis spec with every resource, for the integration tests
//! in `tests/`. (`civis::ApiClient` is the `base` one.)

/// `civis_api!(resources = "all")` on the spec named by `CIVIS_API_SPEC`.
pub mod all {
    civis::civis_api!(
        resources = "all",
        api_version = "1.0",
        decode_by_name = true
    );
}

use std::path::PathBuf;

/// A file of the repository's snapshot of the Civis data (`civis-core/spec/`, named by
/// `CIVIS_API_SPEC`), beside the spec.
pub fn snapshot_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CIVIS_API_SPEC")).with_file_name(name)
}

/// civis-python's method table, `methods.json`.
pub fn civis_python_methods() -> Vec<serde_json::Value> {
    let path = snapshot_file("methods.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()))
}

/// An operation table row in `methods.json`'s shape.
pub fn as_json(op: &civis::methods::Operation) -> serde_json::Value {
    serde_json::json!({
        "resource": op.resource,
        "method": op.method,
        "verb": op.verb,
        "path": op.path,
        "required": op.required,
        "optional": op.optional,
        "iterable": op.iterable,
        "deprecated": op.deprecated.is_some(),
    })
}

/// A clock for retry tests: `sleep` records the wait and moves time on without waiting, and the
/// jitter is always half the range.
#[derive(Debug, Clone)]
pub struct FakeClock {
    start: std::time::Instant,
    slept: std::sync::Arc<std::sync::Mutex<Vec<std::time::Duration>>>,
}

impl Default for FakeClock {
    fn default() -> Self {
        Self {
            start: std::time::Instant::now(),
            slept: Default::default(),
        }
    }
}

impl FakeClock {
    /// The waits asked for so far.
    pub fn sleeps(&self) -> Vec<std::time::Duration> {
        self.slept.lock().unwrap().clone()
    }
}

impl civis::config::Clock for FakeClock {
    fn now(&self) -> std::time::Instant {
        self.start
            + self
                .slept
                .lock()
                .unwrap()
                .iter()
                .sum::<std::time::Duration>()
    }

    fn sleep(&self, duration: std::time::Duration) {
        self.slept.lock().unwrap().push(duration);
    }

    fn random(&self) -> f64 {
        0.5
    }
}

/// A mock Civis API with database `id` called `name` (and a default credential), and a client
/// of it sending `api_key` whose polls do not sleep (a [`FakeClock`]): the setup of the SQL
/// workflows' tests.
pub fn mock_with_database(
    id: i64,
    name: &str,
    api_key: &str,
) -> (civis_mock::MockServer, civis::Client) {
    let mock = civis_mock::MockServer::scripted().expect("a free loopback port");
    mock.database(id, name);
    mock.default_database_credential(4321);
    let client = civis::Client::builder()
        .api_key(api_key)
        .base_url(mock.url())
        .clock(FakeClock::default())
        .build()
        .expect("a client of the mock");
    (mock, client)
}

/// A mock Civis API with no recordings that answers every request with `answers` in order (the
/// last repeats), for transport tests.
pub fn scripted_server(
    answers: impl IntoIterator<Item = civis_mock::Scripted>,
) -> civis_mock::MockServer {
    let server = civis_mock::MockServer::scripted().expect("a free loopback port");
    server.script("*", "*", answers);
    server
}

/// The `log` records of a test binary, kept so that its tests can read what was logged (the
/// warnings and retries the library promises).
pub mod logs {
    use std::sync::Mutex;

    struct Recorder(Mutex<Vec<(log::Level, String)>>);

    impl log::Log for Recorder {
        fn enabled(&self, _: &log::Metadata<'_>) -> bool {
            true
        }
        fn log(&self, record: &log::Record<'_>) {
            let text = format!("{}: {}", record.target(), record.args());
            lock().push((record.level(), text));
        }
        fn flush(&self) {}
    }

    static RECORDER: Recorder = Recorder(Mutex::new(Vec::new()));

    fn lock() -> std::sync::MutexGuard<'static, Vec<(log::Level, String)>> {
        RECORDER
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts recording this binary's `log` records, every level (once; later calls do
    /// nothing).
    pub fn record_logs() {
        let _ = log::set_logger(&RECORDER);
        log::set_max_level(log::LevelFilter::Trace);
    }

    /// Every record logged so far at `level` that contains `needle` (`target: message`).
    pub fn logged(level: log::Level, needle: &str) -> Vec<String> {
        lock()
            .iter()
            .filter(|(l, text)| *l == level && text.contains(needle))
            .map(|(_, text)| text.clone())
            .collect()
    }

    /// Every record logged so far, with its level.
    pub fn all() -> Vec<(log::Level, String)> {
        lock().clone()
    }
}

/// The JSON bodies of the POSTs to `path` (a trailing `/` ignored) the mock received, in order.
pub fn posts(mock: &civis_mock::MockServer, path: &str) -> Vec<serde_json::Value> {
    mock.requests()
        .iter()
        .filter(|r| r.method == "POST" && r.url.trim_end_matches('/') == path)
        .map(|r| r.json().unwrap_or(serde_json::Value::Null))
        .collect()
}

/// Every record of table `table` of database `db` (`read_table`), header first, as strings.
pub fn table_records(client: &civis::Client, table: &str, db: i64) -> Vec<Vec<String>> {
    client
        .read_table(table, db)
        .unwrap()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Rows written as string slices, owned.
pub fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|v| v.to_string()).collect())
        .collect()
}
