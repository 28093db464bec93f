//! `civis jobs run`, `follow-log` and `follow-run-log` run as a user runs them, against jobs
//! simulated by the mock Civis API. The program waits on the real clock, so the jobs here end on
//! their first poll.

use civis_mock::{MockJob, MockServer};

use crate::support;
use support::{civis, stderr, stdout};

fn mock() -> MockServer {
    MockServer::scripted().unwrap()
}

fn client(mock: &MockServer) -> civis::Client {
    civis::Client::builder()
        .api_key("test-key")
        .base_url(mock.url())
        .build()
        .unwrap()
}

#[test]
fn the_run_commands_sit_beside_the_generated_jobs_methods() {
    let mock = mock();
    let help = civis(&mock, &["jobs", "--help"]);
    let text = stdout(&help);
    for command in [
        "run",
        "follow-log",
        "follow-run-log",
        "post-runs",
        "list-runs-logs",
    ] {
        assert!(text.contains(command), "{command} missing from:\n{text}");
    }
}

#[test]
fn jobs_run_starts_a_run_and_prints_it() {
    let mock = mock();
    mock.job(60, MockJob::stays_running());
    let output = civis(&mock, &["jobs", "run", "60"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let run_id = printed["run_id"].as_i64().unwrap();
    assert_eq!(printed["job_id"], 60);
    assert_eq!(
        printed["url"],
        format!("https://platform.civisanalytics.com/spa/#/jobs/60?runId={run_id}")
    );
    // The run as the API gives it, as `--wait` prints it: one shape either way.
    assert_eq!(printed["id"], run_id);
    assert_eq!(printed["state"], "queued");
    let sent: Vec<String> = mock
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url))
        .collect();
    assert_eq!(
        sent,
        [
            "POST /jobs/60/runs".to_string(),
            format!("GET /jobs/60/runs/{run_id}")
        ]
    );
}

#[test]
fn jobs_run_wait_prints_the_finished_run() {
    let mock = mock();
    mock.job(61, MockJob::succeeds_after(1));
    let output = civis(&mock, &["jobs", "run", "61", "--wait"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(printed["state"], "succeeded");
    // The API's camelCase keys, as every command prints answers.
    assert!(printed["finishedAt"].is_string(), "{printed}");
    assert!(printed.get("finished_at").is_none(), "{printed}");
    assert_eq!(printed["job_id"], 61);
    assert_eq!(printed["run_id"], printed["id"]);
    // Not a terminal: no spinner drawn on stderr.
    assert!(
        !stderr(&output).contains("job 61 / run"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn jobs_run_wait_of_a_failing_job_exits_3_with_its_error() {
    let mock = mock();
    mock.job(62, MockJob::fails_after(1, "column \"x\" does not exist"));
    let output = civis(&mock, &["jobs", "run", "62", "--wait"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let run_id = mock.requests()[1]
        .url
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        stderr(&output).trim(),
        format!("error: (From job 62 / run {run_id}) column \"x\" does not exist")
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn follow_log_prints_each_entry_of_the_latest_run() {
    let mock = mock();
    mock.job(
        63,
        MockJob::succeeds_after(1)
            .log("info", "first run")
            .log("info", "Query finished.\n"),
    );
    let client = client(&mock);
    client.run_job(63).unwrap();
    let latest = client.run_job(63).unwrap();

    let output = civis(&mock, &["jobs", "follow-log", "63"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    // `<created_at> <message>`, the message without its trailing newline.
    let (time, message) = lines[1].split_once(' ').unwrap();
    assert!(time.ends_with('Z') && time.contains('T'), "{time}");
    assert_eq!(message, "Query finished.");
    assert!(lines[0].ends_with(" first run"));
    assert!(mock.requests().iter().any(|r| r
        .url
        .starts_with(&format!("/jobs/63/runs/{}/logs", latest.run_id()))));
}

#[test]
fn follow_run_log_prints_the_log_of_the_run_named() {
    let mock = mock();
    mock.job(64, MockJob::succeeds_after(1).log("warn", "only line"));
    let run = client(&mock).run_job(64).unwrap();
    let run_id = run.run_id().to_string();

    let output = civis(&mock, &["jobs", "follow-run-log", "64", &run_id]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).trim_end().ends_with(" only line"),
        "{}",
        stdout(&output)
    );

    let missing = civis(&mock, &["jobs", "follow-run-log", "64", "1"]);
    assert_eq!(missing.status.code(), Some(1), "{}", stderr(&missing));
    assert!(stderr(&missing).contains("(404)"), "{}", stderr(&missing));
}

#[test]
fn jobs_run_of_several_jobs_waits_for_all_with_a_line_per_run() {
    let mock = mock();
    mock.job(64, MockJob::succeeds_after(1));
    mock.job(65, MockJob::fails_after(2, "disk full"));
    mock.job(66, MockJob::succeeds_after(3));
    let output = civis(&mock, &["jobs", "run", "64", "65", "66", "--wait"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let states: Vec<&str> = printed
        .as_array()
        .unwrap()
        .iter()
        .map(|run| run["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        states,
        ["succeeded", "failed", "succeeded"],
        "in the order given"
    );
    let errors = stderr(&output);
    let lines: Vec<&str> = errors.lines().collect();
    // Not a terminal: one line per run as it ends, in the order they end, then the failure.
    assert_eq!(lines.len(), 4, "{errors}");
    assert!(
        lines[0].starts_with("job 64 / run ") && lines[0].contains(" succeeded after "),
        "{errors}"
    );
    assert!(
        lines[1].starts_with("job 65 / run ") && lines[1].contains(" failed after "),
        "{errors}"
    );
    assert!(
        lines[2].starts_with("job 66 / run ") && lines[2].contains(" succeeded after "),
        "{errors}"
    );
    assert!(
        lines[3].starts_with("error: (From job 65 / run ") && lines[3].ends_with("disk full"),
        "{errors}"
    );
    // One schedule: the runs are polled in rounds, each round every unfinished run in order.
    let polled: Vec<String> = mock
        .requests()
        .iter()
        .filter(|r| r.method == "GET")
        .map(|r| r.url.split('/').nth(2).unwrap().to_string())
        .collect();
    // Then each run is read once more, to print it with the API's keys.
    assert_eq!(
        polled,
        ["64", "65", "66", "65", "66", "66", "64", "65", "66"]
    );
}

#[test]
fn jobs_run_of_several_jobs_without_wait_prints_each_run_started() {
    let mock = mock();
    mock.job(67, MockJob::stays_running());
    mock.job(68, MockJob::stays_running());
    let output = civis(&mock, &["jobs", "run", "67", "68"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let jobs: Vec<i64> = printed
        .as_array()
        .unwrap()
        .iter()
        .map(|run| run["job_id"].as_i64().unwrap())
        .collect();
    assert_eq!(jobs, [67, 68]);
}

#[test]
fn ctrl_c_while_waiting_cancels_the_run_and_exits_with_130() {
    interrupted_while_waiting_cancels_the_run("-INT", 73);
}

#[test]
fn sigterm_while_waiting_cancels_the_run_as_ctrl_c_does() {
    // A CI job's cancel, `docker stop`, `timeout`.
    interrupted_while_waiting_cancels_the_run("-TERM", 74);
}

/// `jobs run JOB --wait`, sent `signal` while it waits: one DELETE of its run, said on stderr,
/// and exit status 130.
fn interrupted_while_waiting_cancels_the_run(signal: &str, job: i64) {
    let mock = mock();
    mock.job(job, MockJob::stays_running());
    let job_text = job.to_string();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(["jobs", "run", &job_text, "--wait"])
        .env("CIVIS_API_KEY", "cli-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Until the run is started and polled (10 s at most).
    let started = std::time::Instant::now();
    while !mock
        .requests()
        .iter()
        .any(|r| r.method == "GET" && r.url.starts_with(&format!("/jobs/{job}/runs/")))
    {
        assert!(started.elapsed().as_secs() < 10, "the run was not polled");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let interrupted = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let deletes: Vec<String> = mock
        .requests()
        .iter()
        .filter(|r| r.method == "DELETE")
        .map(|r| r.url.clone())
        .collect();
    assert_eq!(deletes.len(), 1, "{deletes:?}");
    assert!(
        deletes[0].starts_with(&format!("/jobs/{job}/runs/")),
        "{deletes:?}"
    );
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(
        stderr.contains(&format!("cancelling job {job}")),
        "{stderr}"
    );
}
