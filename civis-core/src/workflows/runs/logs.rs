//! Following a run's log: civis-python's `civis.utils.job_logs`.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::json;

use crate::data::error::Error;
use crate::data::time;
use crate::transport::client::Client;
use crate::transport::request::get_request;

/// Entries asked for per request (civis-python's `_LOGS_PER_QUERY`).
const PER_QUERY: u32 = 250;
/// The pause between two polls of a log that is still being written
/// (`_FOLLOW_POLL_INTERVAL_SEC`).
const FOLLOW_INTERVAL: Duration = Duration::from_secs(5);
/// Entries younger than this may still be joined by late ones with lower ids, so they are read
/// again (`_LOG_REFETCH_CUTOFF_SECONDS`).
const REFETCH_CUTOFF_SECS: f64 = 300.0;
/// How many of the newest entries are read again (`_LOG_REFETCH_COUNT`).
const REFETCH_COUNT: usize = 100;

/// One line of a run's log.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// for entry in client.job_logs(42, None)? {
///     let entry = entry?;
///     if entry.level == "error" {
///         eprintln!("{} (#{}) {}", entry.created_at, entry.id, entry.message);
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The entry's id; ids grow, but not always in the order of `created_at`.
    pub id: i64,
    /// When it was written (ISO 8601, as the API sends it).
    #[serde(default, alias = "createdAt", deserialize_with = "string_or_null")]
    pub created_at: String,
    /// The text.
    #[serde(default, deserialize_with = "string_or_null")]
    pub message: String,
    /// `unknown`, `fatal`, `error`, `warn`, `info` or `debug`.
    #[serde(default, deserialize_with = "string_or_null")]
    pub level: String,
}

/// A string that may be `null` in the API's answer, read as empty.
pub(super) fn string_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// One answer of `GET /jobs/{id}/runs/{run_id}/logs`.
pub(super) struct Page {
    pub(super) entries: Vec<LogEntry>,
    /// `civis-max-id`: the highest id the log has now; absent while it has none.
    pub(super) max_id: Option<i64>,
    /// `civis-cache-control` is not `no-store`: nothing more will be written.
    pub(super) complete: bool,
}

pub(super) fn fetch_page(
    client: &Client,
    job_id: i64,
    run_id: i64,
    last_id: Option<i64>,
    limit: u32,
) -> Result<Page, Error> {
    let mut query = Vec::with_capacity(2);
    if let Some(last_id) = last_id {
        query.push(("last_id", json!(last_id)));
    }
    query.push(("limit", json!(limit)));
    let request = get_request(&format!("/jobs/{job_id}/runs/{run_id}/logs"), &query);
    let raw = client.execute(&request)?;
    let entries = raw.json(request.verb, &request.path_and_query)?;
    Ok(Page {
        entries,
        max_id: raw
            .header("civis-max-id")
            .and_then(|id| id.trim().parse().ok()),
        // civis-python fails with KeyError when the header is missing; here a missing header
        // ends the follow instead of following forever.
        complete: raw
            .header("civis-cache-control")
            .is_none_or(|value| value.trim() != "no-store"),
    })
}

/// A run's log, entry by entry, followed until the API says it is complete: what
/// [`Run::logs`](crate::runs::Run::logs) and [`Client::job_logs`](crate::Client::job_logs) return.
///
/// As civis-python's `job_logs`: it asks for 250 entries after the last id seen
/// (`last_id`), and for more at once while the `civis-max-id` header says there are more; once
/// it has caught up it pauses 5 s (on the client's [`Clock`](crate::config::Clock);
/// [`follow_interval`](Logs::follow_interval) changes it) while
/// `civis-cache-control` is `no-store`, the sign of a log still being written. Because ids are
/// not always given in time order, it reads the entries of the last 300 s again (the newest 100,
/// or all when fewer) to pick up late ones, and never yields an id twice. Each answer's new
/// entries come ordered by time, then id.
///
/// It ends after an error, which it yields. Two differences from civis-python, which would poll
/// forever: a complete log with no entries at all ends it, and so does an answer without the
/// `civis-cache-control` header.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let lines: Vec<String> = client
///     .job_run(42, 7)
///     .logs()
///     .map(|entry| entry.map(|e| e.message))
///     .collect::<Result<_, _>>()?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Logs {
    client: Client,
    job_id: i64,
    run_id: i64,
    /// civis-python's `local_max_log_id`: where the next request starts.
    last_id: i64,
    seen: HashSet<i64>,
    ready: VecDeque<LogEntry>,
    follow_interval: Duration,
    /// civis-python's `finished_timeout`: stop once the run has been over this long.
    finished_timeout: Option<Duration>,
    pause: bool,
    done: bool,
}

impl Logs {
    pub(super) fn new(client: Client, job_id: i64, run_id: i64) -> Self {
        Self {
            client,
            job_id,
            run_id,
            last_id: 0,
            seen: HashSet::new(),
            ready: VecDeque::new(),
            follow_interval: FOLLOW_INTERVAL,
            finished_timeout: None,
            pause: false,
            done: false,
        }
    }

    /// The same log, with `interval` instead of 5 s between two polls of a log still being
    /// written (civis-python's is fixed).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let logs = client.job_run(42, 7).logs().follow_interval(std::time::Duration::from_secs(30));
    /// # Ok(()) }
    /// ```
    pub fn follow_interval(mut self, interval: Duration) -> Self {
        self.follow_interval = interval;
        self
    }

    /// The same log, followed only until the run has been over for `timeout`
    /// (civis-python's `job_logs(finished_timeout=)`): once the follow has caught up, a log the
    /// API has not marked complete ends when the run's `finishedAt` is more than `timeout` ago
    /// (one `GET /jobs/{id}/runs/{run_id}` per check). The API may take minutes to mark a
    /// finished run's log complete; 30 to 60 s is usually enough for every line to arrive, as
    /// civis-python's docs say. Default: none, follow until the log is complete.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use std::time::Duration;
    /// for entry in client.job_logs(42, None)?.finished_timeout(Duration::from_secs(30)) {
    ///     println!("{}", entry?.message);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn finished_timeout(mut self, timeout: Duration) -> Self {
        self.finished_timeout = Some(timeout);
        self
    }

    /// Whether the run finished more than the finished timeout ago (civis-python's
    /// `_job_finished_past_timeout`); never without one, or while it runs.
    fn finished_long_ago(&self) -> Result<bool, Error> {
        let Some(timeout) = self.finished_timeout else {
            return Ok(false);
        };
        let run = self
            .client
            .get_response(&format!("/jobs/{}/runs/{}", self.job_id, self.run_id))?;
        let Some(finished) = run
            .get("finished_at")
            .and_then(serde_json::Value::as_str)
            .and_then(unix_seconds)
        else {
            return Ok(false);
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        Ok(finished < now - timeout.as_secs_f64())
    }

    /// One request, and what it says about the next.
    fn poll(&mut self) -> Result<(), Error> {
        let asked_after = self.last_id;
        let page = fetch_page(
            &self.client,
            self.job_id,
            self.run_id,
            Some(self.last_id),
            PER_QUERY,
        )?;
        let mut entries = page.entries;
        if let Some(max) = entries.iter().map(|e| e.id).max() {
            self.last_id = max;
        }
        entries.sort_by(|a, b| (&a.created_at, a.id).cmp(&(&b.created_at, b.id)));
        for entry in &entries {
            if self.seen.insert(entry.id) {
                self.ready.push_back(entry.clone());
            }
        }
        let more_now = match page.max_id {
            // No entries yet: civis-python polls on whatever its `finished_timeout`; here the
            // timeout ends an empty log too, so that nothing is followed forever.
            None => {
                self.done = page.complete || self.finished_long_ago()?;
                false
            }
            // `>=`, not civis-python's `==`: a header behind the entries would otherwise be
            // polled without pause, forever.
            Some(remote_max) if self.last_id >= remote_max => {
                self.last_id = refetch_from(&entries, SystemTime::now());
                self.done = page.complete || self.finished_long_ago()?;
                false
            }
            // A header ahead of the entries (a server that ignores `last_id`, a finished run
            // whose header overstates) with a page that brought nothing after `last_id`: not
            // "more now", which would poll without pause forever; the log ends once it is
            // complete.
            Some(_) if entries.iter().all(|e| e.id <= asked_after) => {
                self.done = page.complete;
                false
            }
            Some(_) => true,
        };
        self.pause = !more_now;
        Ok(())
    }
}

impl Iterator for Logs {
    type Item = Result<LogEntry, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(entry) = self.ready.pop_front() {
                return Some(Ok(entry));
            }
            if self.done {
                return None;
            }
            if self.pause {
                log::debug!(
                    "{} log not complete yet; next poll in {:.1} s",
                    crate::data::run_state::from_job_run(self.job_id, self.run_id),
                    self.follow_interval.as_secs_f64()
                );
                self.client.config().clock.sleep(self.follow_interval);
            }
            if let Err(error) = self.poll() {
                self.done = true;
                return Some(Err(error));
            }
        }
    }
}

/// civis-python's `_compute_effective_max_log_id`: the id to read on from so that late entries
/// of the last 300 s are not skipped.
fn refetch_from(entries: &[LogEntry], now: SystemTime) -> i64 {
    let mut ids: Vec<(i64, &str)> = entries
        .iter()
        .map(|e| (e.id, e.created_at.as_str()))
        .collect();
    ids.sort_unstable();
    let Some(&(newest_id, newest_at)) = ids.last() else {
        return 0;
    };
    let now = now
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64());
    // An unreadable time counts as recent: reading again costs a request, skipping loses lines.
    let old = unix_seconds(newest_at).is_some_and(|at| at < now - REFETCH_CUTOFF_SECS);
    if old {
        newest_id
    } else if ids.len() >= REFETCH_COUNT {
        ids[ids.len() - REFETCH_COUNT].0
    } else {
        0
    }
}

/// Seconds since 1970 of an ISO 8601 time as the API writes it
/// (`2026-05-27T14:44:37.854Z`, `2026-05-27T14:44:37+02:00`).
pub(super) fn unix_seconds(text: &str) -> Option<f64> {
    // A count of microseconds is exact in an f64 within 285 years of 1970.
    time::parse_iso_8601(text).map(|micros| micros as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, created_at: &str) -> LogEntry {
        LogEntry {
            id,
            created_at: created_at.to_string(),
            message: String::new(),
            level: "info".to_string(),
        }
    }

    #[test]
    fn api_times_read_as_unix_seconds() {
        assert_eq!(unix_seconds("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(
            unix_seconds("2026-05-27T14:44:37.854Z"),
            Some(1_779_893_077.854)
        );
        assert_eq!(
            unix_seconds("2026-05-27T16:44:37+02:00"),
            Some(1_779_893_077.0)
        );
        assert_eq!(unix_seconds("yesterday"), None);
    }

    #[test]
    fn old_entries_are_not_read_again_and_recent_ones_are() {
        let at = |secs: u64| UNIX_EPOCH + Duration::from_secs(secs);
        let old = [
            entry(7, "1970-01-01T00:00:10Z"),
            entry(9, "1970-01-01T00:00:20Z"),
        ];
        assert_eq!(refetch_from(&old, at(1_000)), 9);
        assert_eq!(refetch_from(&old, at(100)), 0);
        let many: Vec<LogEntry> = (1..=150)
            .map(|id| entry(id, "1970-01-01T00:00:20Z"))
            .collect();
        assert_eq!(refetch_from(&many, at(100)), 51);
        assert_eq!(refetch_from(&[], at(100)), 0);
        assert_eq!(refetch_from(&[entry(3, "garbled")], at(1_000)), 0);
    }
}
