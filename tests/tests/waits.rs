//! Waits that end, and never hammer the API (issue 32), over real HTTP against the mock: a
//! timeout ends a wait whatever the polls answer and polls keep their pace during an outage;
//! cancels of sets and fan-outs are bounded; a 429 is ridden out like a 5xx and no poll's retry
//! waits hold up the others'; a rate-limit reset of 0 is now; the preprocess jobs of an import
//! have a bound; a template run's POST answered 503 after the run was made is not repeated.
//!
//! Every wait runs on a fake clock; a wait that never ends would hang the test, so each is run
//! on a thread given a generous minute of real time.

use std::time::Duration;

use civis::runs::{RunSet, RunState, CANCEL_TIMEOUT};
use civis::{Client, Error};
use civis_mock::{MockJob, MockServer, Scripted};
use civis_tests::FakeClock;
use serde_json::json;

fn client(mock: &MockServer, clock: &FakeClock) -> Client {
    Client::builder()
        .api_key("waits-key")
        .base_url(mock.url())
        .clock(clock.clone())
        .build()
        .unwrap()
}

/// `f`'s result, or a failure when it has not returned within a minute of real time (on the
/// fake clock a wait without a bound would spin for ever).
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    receive
        .recv_timeout(Duration::from_secs(60))
        .expect("the wait ended (not within a minute of real time: it has no bound)")
}

/// The requests `VERB path` (query ignored) the mock received.
fn count(mock: &MockServer, verb: &str, path: &str) -> usize {
    mock.requests()
        .iter()
        .filter(|r| r.method == verb && r.url.split('?').next() == Some(path))
        .count()
}

fn slept(clock: &FakeClock) -> Duration {
    clock.sleeps().iter().sum()
}

/// The faults of an outage: every poll answered 500, 503 (which the transport retries), or its
/// connection dropped.
fn outages() -> Vec<(&'static str, Scripted)> {
    vec![
        (
            "500",
            Scripted::json(500, r#"{"errorDescription": "down"}"#),
        ),
        ("503", Scripted::status(503)),
        ("dropped", Scripted::drop_connection()),
    ]
}

#[test]
fn a_wait_timeout_ends_at_its_timeout_through_an_outage_and_polls_keep_their_pace() {
    for (what, fault) in outages() {
        let mock = MockServer::scripted().expect("a free loopback port");
        mock.job(80, MockJob::stays_running());
        let clock = FakeClock::default();
        let run = client(&mock, &clock).run_job(80).unwrap();
        let path = format!("/jobs/80/runs/{}", run.run_id());
        mock.script("GET", &path, [fault]);
        let outcome = within_a_minute(move || run.wait_timeout(Duration::from_secs(25)));
        assert!(
            matches!(outcome, Err(Error::WaitTimeout { .. })),
            "{what}: {outcome:?}"
        );
        let waited = slept(&clock);
        assert!(
            waited <= Duration::from_secs(25) && waited >= Duration::from_secs(20),
            "{what}: waited {waited:?}"
        );
        // The schedule's pace (1 s growing), backing off: a dozen rounds at most, each one poll
        // (a dropped connection is reopened once, at once).
        let polls = count(&mock, "GET", &path);
        assert!((3..=24).contains(&polls), "{what}: {polls} polls");
    }
}

#[test]
fn cancel_within_and_cancel_end_at_their_bound_through_an_outage() {
    for (what, fault) in outages() {
        let mock = MockServer::scripted().expect("a free loopback port");
        mock.job(81, MockJob::stays_running());
        let clock = FakeClock::default();
        let client = client(&mock, &clock);
        // The DELETE is accepted; every poll after it fails.
        let run = client.run_job(81).unwrap();
        let path = format!("/jobs/81/runs/{}", run.run_id());
        mock.script("GET", &path, [fault.clone()]);
        let outcome = within_a_minute(move || run.cancel_within(Duration::from_secs(10)));
        assert!(
            matches!(outcome, Err(Error::WaitTimeout { .. })),
            "{what}: {outcome:?}"
        );
        assert!(slept(&clock) <= Duration::from_secs(10), "{what}");
        assert!(count(&mock, "GET", &path) <= 16, "{what}");

        // The DELETE fails too: its retries count against the bound.
        let clock = FakeClock::default();
        let run = self::client(&mock, &clock).run_job(81).unwrap();
        let path = format!("/jobs/81/runs/{}", run.run_id());
        mock.script("*", &path, [fault.clone()]);
        let outcome = within_a_minute(move || run.cancel_within(Duration::from_secs(10)));
        assert!(outcome.is_err(), "{what}: {outcome:?}");
        assert!(slept(&clock) <= Duration::from_secs(10), "{what}");

        // `cancel` is bounded by CANCEL_TIMEOUT.
        let clock = FakeClock::default();
        let run = self::client(&mock, &clock).run_job(81).unwrap();
        let path = format!("/jobs/81/runs/{}", run.run_id());
        mock.script("GET", &path, [fault]);
        let outcome = within_a_minute(move || run.cancel());
        assert!(
            matches!(outcome, Err(Error::WaitTimeout { .. })),
            "{what}: {outcome:?}"
        );
        assert!(slept(&clock) <= CANCEL_TIMEOUT, "{what}");
        assert!(count(&mock, "GET", &path) <= 40, "{what}");
    }
}

#[test]
fn cancel_all_waits_at_most_the_cancel_bound_for_runs_that_never_stop() {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.job(82, MockJob::stays_running().ignores_cancel());
    mock.job(83, MockJob::stays_running());
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let runs = [82, 83].map(|job| client.run_job(job).unwrap());
    let done = within_a_minute(move || RunSet::new(runs).cancel_all());
    assert!(
        matches!(
            &done[0].outcome,
            Err(Error::WaitTimeout {
                state: RunState::Running,
                ..
            })
        ),
        "{:?}",
        done[0].outcome
    );
    assert_eq!(
        done[1].outcome.as_ref().map(|run| run.state.clone()).ok(),
        Some(RunState::Cancelled)
    );
    let waited = slept(&clock);
    assert!(
        waited <= CANCEL_TIMEOUT && waited >= CANCEL_TIMEOUT - Duration::from_secs(15),
        "{waited:?}"
    );
}

#[test]
fn a_fan_outs_cancel_on_failure_waits_at_most_the_cancel_bound() {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.template_in_turn(
        9,
        [
            MockJob::stays_running().ignores_cancel(),
            MockJob::fails_after(2, "bad state"),
        ],
    );
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let outcomes = within_a_minute(move || {
        client
            .custom_script(9, json!({}))
            .fan_out([json!({"N": 0}), json!({"N": 1})])
            .cancel_on_failure(true)
            .wait_all()
    });
    assert!(
        matches!(outcomes[0].outcome, Err(Error::WaitTimeout { .. })),
        "{:?}",
        outcomes[0].outcome
    );
    assert!(
        matches!(outcomes[1].outcome, Err(Error::JobFailed { .. })),
        "{:?}",
        outcomes[1].outcome
    );
    assert!(slept(&clock) <= CANCEL_TIMEOUT + Duration::from_secs(15));
}

#[test]
fn a_429_past_the_retry_budget_is_ridden_out_as_an_outage_and_holds_up_no_other_poll() {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.job(84, MockJob::stays_running());
    mock.job(85, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let busy = client.run_job(84).unwrap();
    let other = client.run_job(85).unwrap();
    let path = format!("/jobs/84/runs/{}", busy.run_id());
    let succeeded = json!({"id": busy.run_id(), "state": "succeeded"}).to_string();
    // Retry-After 700 s: past the client's 600 s of retries.
    mock.script(
        "GET",
        &path,
        [
            Scripted::json(429, r#"{"errorDescription": "slow down"}"#)
                .header("Retry-After", "700"),
            Scripted::json(200, succeeded),
        ],
    );
    let done = within_a_minute(move || RunSet::new([busy, other]).wait_all());
    assert_eq!(
        done[0].outcome.as_ref().map(|run| run.state.clone()).ok(),
        Some(RunState::Succeeded),
        "{:?}",
        done[0].outcome
    );
    assert!(done[1].outcome.is_ok(), "{:?}", done[1].outcome);
    // The next round waited what the 429 asked (up to the 600 s cap on any Retry-After).
    assert!(
        clock.sleeps().contains(&Duration::from_secs(600)),
        "{:?}",
        clock.sleeps()
    );

    // A 503 asking for 30 s: the set's other run is polled in the same round, not after the
    // transport's retries of the first, and the next round waits the 30 s.
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.job(86, MockJob::succeeds_after(1));
    mock.job(87, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = self::client(&mock, &clock);
    let busy = client.run_job(86).unwrap();
    let other = client.run_job(87).unwrap();
    let path = format!("/jobs/86/runs/{}", busy.run_id());
    let other_path = format!("/jobs/87/runs/{}", other.run_id());
    let succeeded = json!({"id": busy.run_id(), "state": "succeeded"}).to_string();
    mock.script(
        "GET",
        &path,
        [
            Scripted::status(503).header("Retry-After", "30"),
            Scripted::status(503).header("Retry-After", "30"),
            Scripted::json(200, succeeded),
        ],
    );
    let done = within_a_minute(move || RunSet::new([busy, other]).wait_all());
    assert!(done.iter().all(|d| d.outcome.is_ok()), "{done:?}");
    let polls: Vec<String> = mock
        .requests()
        .iter()
        .filter(|r| r.method == "GET")
        .map(|r| r.url.clone())
        .collect();
    assert_eq!(
        polls[..2],
        [path.clone(), other_path],
        "one poll each in the first round"
    );
    assert!(
        clock
            .sleeps()
            .iter()
            .filter(|d| **d == Duration::from_secs(30))
            .count()
            >= 2,
        "{:?}",
        clock.sleeps()
    );
    assert_eq!(count(&mock, "GET", &path), 3);
}

#[test]
fn a_rate_limit_reset_of_zero_or_past_is_now_not_a_300_s_pause() {
    let mock = MockServer::scripted().expect("a free loopback port");
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let running = |reset: &str| {
        Scripted::json(200, json!({"id": 1, "state": "running"}).to_string())
            .header("X-RateLimit-Limit", "1000")
            .header("X-RateLimit-Remaining", "0")
            .header("X-RateLimit-Reset", reset)
    };
    let past = (std::time::SystemTime::now() - Duration::from_secs(30))
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    mock.script(
        "GET",
        "/jobs/88/runs/1",
        [
            running("0"),
            running(&past),
            running("0"),
            Scripted::json(200, json!({"id": 1, "state": "succeeded"}).to_string()),
        ],
    );
    let run = client.job_run(88, 1);
    let finished = within_a_minute(move || run.wait()).unwrap();
    assert_eq!(finished.state, RunState::Succeeded);
    assert!(
        clock.sleeps().iter().all(|d| *d <= Duration::from_secs(2)),
        "{:?}",
        clock.sleeps()
    );
}

#[test]
fn a_template_run_post_answered_503_after_the_run_was_made_leaves_exactly_one_run() {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.template(9, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    mock.fail_after_work_once("POST", "/scripts/custom/{id}/runs", Scripted::status(503));
    let outcomes = client
        .custom_script(9, json!({}))
        .fan_out([json!({"N": 1})])
        .wait_all();
    assert_eq!(
        outcomes[0]
            .outcome
            .as_ref()
            .map(|run| run.state.clone())
            .ok(),
        Some(RunState::Succeeded),
        "{:?}",
        outcomes[0].outcome
    );
    let script = outcomes[0].run.as_ref().unwrap().job_id();
    let path = format!("/scripts/custom/{script}/runs");
    assert_eq!(count(&mock, "POST", &path), 1, "{:?}", mock.requests());
    // Looked for first, and found: the API holds the one run.
    assert_eq!(count(&mock, "GET", &format!("/jobs/{script}/runs")), 1);
    assert_eq!(mock.peak_unfinished_runs(), 1);
}

#[test]
fn the_preprocess_wait_of_an_import_ends_at_its_timeout_and_cancels_the_preprocess_run() {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(32, "redshift-general");
    mock.default_database_credential(4321);
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    // Every run polled says it is running: the preprocess job never ends.
    mock.script(
        "GET",
        "/jobs/{id}/runs/{run_id}",
        [Scripted::json(
            200,
            json!({"id": 1, "state": "running"}).to_string(),
        )],
    );
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("civis-waits-test");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("slow.csv");
    std::fs::write(&path, "id,name\n1,a\n").unwrap();
    let error = within_a_minute(move || {
        client
            .import_csv(&path, 32, "crm.slow")
            .timeout(Duration::from_secs(60))
            .send()
            .map(|run| run.run_id())
    })
    .unwrap_err();
    assert!(matches!(error, Error::WaitTimeout { .. }), "{error}");
    assert!(slept(&clock) <= Duration::from_secs(60));
    let cancels = mock
        .requests()
        .iter()
        .filter(|r| r.method == "DELETE" && r.url.starts_with("/jobs/"))
        .count();
    assert_eq!(cancels, 1, "the preprocess run was cancelled");
    assert_eq!(count(&mock, "POST", "/imports/files/csv"), 0);
}
