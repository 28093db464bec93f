//! Figure 19: a hundred runs that end at spread-out times, waited on by one `RunSet` against
//! civis-python 2.10.1's hundred `CivisFuture`s (`civis.utils.run_job`) and
//! `concurrent.futures.wait`, against the same mock: the API calls each side made, its peak
//! threads and its time; then again with the mock keeping a rate limit, where the 429s each
//! side met are counted.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use civis_mock::{MockJob, MockServer};

use crate::calls::API_KEY;
use crate::python;
use crate::stats::Row;

/// The jobs' ids: `FIRST_JOB`, `FIRST_JOB + 1`, ...
const FIRST_JOB: i64 = 500;
const RUNS: i64 = 100;
/// Run i ends `2 s + i × 100 ms` after it starts: from 2 s to 11.9 s.
fn duration(i: i64) -> Duration {
    Duration::from_millis(2000 + 100 * i as u64)
}
/// The rate limit of the second half: 250 calls per 10 s window.
const LIMIT: u64 = 250;
const PERIOD: Duration = Duration::from_secs(10);

const SCRIPT: &str = r#"
import sys, time, concurrent.futures
import civis
spec, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
client = civis.APIClient(local_api_spec=spec)
started = time.perf_counter()
futures = [civis.utils.run_job(first + i, client=client) for i in range(count)]
concurrent.futures.wait(futures)
states = [f.result().state for f in futures]
print("SUCCEEDED", sum(state == "succeeded" for state in states))
print("TOTAL_S", time.perf_counter() - started)
"#;

/// The child process of figure 19: starts the hundred runs, waits for all of them with one
/// `RunSet` and prints how many succeeded and the time.
pub fn child(url: &str, first: &str, count: &str) {
    let first: i64 = first.parse().expect("a job id");
    let count: i64 = count.parse().expect("a count");
    let client = crate::calls::workflow_client(url, false);
    let started = Instant::now();
    let runs: Vec<civis::runs::Run> = (first..first + count)
        .map(|job| client.run_job(job).expect("a run"))
        .collect();
    let done = civis::runs::RunSet::new(runs).wait_all();
    let succeeded = done
        .iter()
        .filter(|done| {
            done.outcome
                .as_ref()
                .is_ok_and(|run| run.state == civis::runs::RunState::Succeeded)
        })
        .count();
    println!("SUCCEEDED {succeeded}");
    println!("TOTAL_S {}", started.elapsed().as_secs_f64());
}

/// What one side did.
struct Side {
    succeeded: usize,
    seconds: f64,
    calls: usize,
    peak_threads: usize,
    rate_limited: usize,
}

/// Runs `command` to its end, sampling its thread count every 10 ms.
fn sampled(command: &mut Command) -> Result<(String, usize), String> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let status_path = format!("/proc/{}/status", child.id());
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut peak = 0;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            let threads = status
                .lines()
                .find_map(|l| l.strip_prefix("Threads:"))
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(0);
            peak = peak.max(threads);
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let out = reader.join().unwrap_or_default();
    let err = errors.join().unwrap_or_default();
    if status.success() {
        Ok((out, peak))
    } else {
        Err(err)
    }
}

fn measure(mock: &MockServer, limited: bool, command: &mut Command) -> Result<Side, String> {
    for i in 0..RUNS {
        mock.job(FIRST_JOB + i, MockJob::succeeds_after(1).takes(duration(i)));
    }
    if limited {
        // A new window, and a new count of refusals, for each side.
        mock.rate_limit(LIMIT, PERIOD);
    }
    mock.clear_requests();
    let (out, peak_threads) = sampled(command)?;
    let value = |key: &str| crate::sql::value(&out, key).unwrap_or(f64::NAN);
    Ok(Side {
        succeeded: value("SUCCEEDED") as usize,
        seconds: value("TOTAL_S"),
        calls: mock.requests().len(),
        peak_threads,
        rate_limited: mock.rate_limited(),
    })
}

fn describe(side: &Side, limited: bool) -> String {
    let refused = if limited {
        format!(", {} answered 429", side.rate_limited)
    } else {
        String::new()
    };
    format!(
        "{} calls{refused}, peak {} threads, {:.1} s, {}/{RUNS} succeeded",
        side.calls, side.peak_threads, side.seconds, side.succeeded
    )
}

/// Figure 19, without and with the mock's rate limit.
pub fn runs(work: &Path, spec: &Path, run_python: bool) -> Vec<Row> {
    let mock = MockServer::scripted().expect("the mock");
    let exe = std::env::current_exe().expect("the benchmark's path");
    let interpreter = python::interpreter();
    let python_missing = if run_python {
        python::unavailable(&interpreter)
    } else {
        Some("--no-python".to_string())
    };
    let mut rows = Vec::new();
    for limited in [false, true] {
        let ours = measure(
            &mock,
            limited,
            Command::new(&exe)
                .arg("--child-runs")
                .arg(mock.url())
                .arg(FIRST_JOB.to_string())
                .arg(RUNS.to_string()),
        );
        let theirs = match &python_missing {
            Some(why) => Err(why.clone()),
            None => measure(
                &mock,
                limited,
                Command::new(&interpreter)
                    .args(["-c", SCRIPT])
                    .arg(spec)
                    .arg(FIRST_JOB.to_string())
                    .arg(RUNS.to_string())
                    .current_dir(work)
                    .env("CIVIS_API_ENDPOINT", mock.url())
                    .env("CIVIS_API_KEY", API_KEY),
            ),
        };
        let (figure, target) = if limited {
            (
                format!(
                    "19b. {RUNS} runs waited on, the mock limiting to {LIMIT} calls per {} s",
                    PERIOD.as_secs()
                ),
                "no 429",
            )
        } else {
            (
                format!("19a. {RUNS} runs ending from 2 s to 11.9 s, waited on together"),
                "≤ civis-python's calls, 1 polling thread",
            )
        };
        rows.push(match (&ours, &theirs) {
            (Ok(ours), Ok(py)) => {
                let met = if limited {
                    ours.rate_limited == 0 && ours.succeeded == RUNS as usize
                } else {
                    ours.calls <= py.calls && ours.succeeded == RUNS as usize
                };
                Row::new(
                    figure,
                    describe(ours, limited),
                    format!(
                        "civis-python {}: {}",
                        python::VERSION,
                        describe(py, limited)
                    ),
                    format!(
                        "{:.2}× the calls, {:.2}× the threads",
                        ours.calls as f64 / py.calls as f64,
                        ours.peak_threads as f64 / py.peak_threads as f64
                    ),
                    target,
                    Some(met),
                )
            }
            (Ok(ours), Err(why)) => Row::new(
                figure,
                describe(ours, limited),
                format!(
                    "civis-python skipped: {}",
                    why.lines().last().unwrap_or_default()
                ),
                "-",
                target,
                None,
            ),
            (Err(why), _) => {
                eprintln!("the runs child failed: {why}");
                Row::skipped(figure, "the child failed (see above)", target)
            }
        });
    }
    rows
}
