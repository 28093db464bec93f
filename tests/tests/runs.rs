//! Runs against the mock's simulated jobs: waiting through each state, each form of failure,
//! timeouts, cancelling, the polling schedule on an injected clock, outputs, templates and
//! following logs across pages.

use std::time::Duration;

use civis::{runs::Polling, runs::RunState, Client, Error};
use civis_mock::{MockJob, MockServer, Scripted};
use civis_tests::FakeClock;
use serde_json::json;

fn mock() -> MockServer {
    MockServer::scripted().expect("a free loopback port")
}

fn client(mock: &MockServer, clock: &FakeClock) -> Client {
    Client::builder()
        .api_key("runs-key")
        .base_url(mock.url())
        .clock(clock.clone())
        .build()
        .unwrap()
}

/// `VERB /path?query` of every request the mock received.
fn requests(mock: &MockServer) -> Vec<String> {
    mock.requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url))
        .collect()
}

fn seconds(waits: &[Duration]) -> Vec<f64> {
    waits.iter().map(Duration::as_secs_f64).collect()
}

fn assert_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-6, "{actual:?} vs {expected:?}");
    }
}

#[test]
fn a_run_goes_queued_running_succeeded_and_wait_returns_it() {
    let mock = mock();
    mock.job(42, MockJob::succeeds_after(3));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);

    let run = client.run_job(42).unwrap();
    assert_eq!(run.job_id(), 42);
    assert_eq!(
        run.url(),
        format!(
            "https://platform.civisanalytics.com/spa/#/jobs/42?runId={}",
            run.run_id()
        )
    );
    let finished = run.wait().unwrap();

    assert_eq!(finished.state, RunState::Succeeded);
    assert_eq!((finished.job_id, finished.run_id), (42, run.run_id()));
    assert!(finished.finished_at.is_some() && finished.started_at.is_some());
    assert_eq!(finished.error, None);
    assert_eq!(finished.response.get("id"), Some(&json!(run.run_id())));
    let poll = format!("GET /jobs/42/runs/{}", run.run_id());
    assert_eq!(requests(&mock), ["POST /jobs/42/runs", &poll, &poll, &poll]);
    // A run just started is known to be queued: the first poll comes after the first pause.
    assert_close(&seconds(&clock.sleeps()), &[1.0, 1.2, 1.44]);
}

#[test]
fn state_is_one_poll_and_sees_each_state() {
    let mock = mock();
    mock.job(42, MockJob::succeeds_after(3));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let run = client.run_job(42).unwrap();

    let states: Vec<RunState> = (0..4).map(|_| run.state().unwrap()).collect();
    assert_eq!(
        states,
        [
            RunState::Queued,
            RunState::Running,
            RunState::Succeeded,
            RunState::Succeeded
        ]
    );
    assert!(clock.sleeps().is_empty());
    assert_eq!(mock.requests().len(), 5);
}

#[test]
fn the_default_polling_grows_by_a_fifth_from_1_s_up_to_15_s() {
    let mock = mock();
    mock.job(42, MockJob::succeeds_after(20));
    let clock = FakeClock::default();
    client(&mock, &clock).run_job(42).unwrap().wait().unwrap();

    let waits = seconds(&clock.sleeps());
    assert_eq!(waits.len(), 20);
    assert_close(&waits[..6], &[1.0, 1.2, 1.44, 1.728, 2.0736, 2.48832]);
    // 1.2^14 = 12.84 s is the last wait below the cap; 1.2^15 would be 15.4 s.
    assert!((waits[14] - 12.839_185_6).abs() < 1e-6, "{waits:?}");
    assert!(waits[15..].iter().all(|w| *w == 15.0), "{waits:?}");
    assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
}

#[test]
fn a_fixed_interval_is_set_on_the_builder_or_per_run() {
    let mock = mock();
    mock.job(42, MockJob::succeeds_after(3));
    let clock = FakeClock::default();
    let client = Client::builder()
        .api_key("runs-key")
        .base_url(mock.url())
        .clock(clock.clone())
        .polling(Polling::every(Duration::from_secs(30)))
        .build()
        .unwrap();

    client.run_job(42).unwrap().wait().unwrap();
    assert_close(&seconds(&clock.sleeps()), &[30.0, 30.0, 30.0]);

    let per_run = FakeClock::default();
    let client = self::client(&mock, &per_run);
    client
        .run_job(42)
        .unwrap()
        .polling(Polling::every(Duration::from_millis(250)))
        .wait()
        .unwrap();
    assert_close(&seconds(&per_run.sleeps()), &[0.25, 0.25, 0.25]);
}

#[test]
fn an_existing_run_is_polled_at_once() {
    let mock = mock();
    mock.job(42, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let run_id = client.run_job(42).unwrap().run_id();

    let finished = client.job_run(42, run_id).wait().unwrap();
    assert_eq!(finished.state, RunState::Succeeded);
    assert!(clock.sleeps().is_empty());
}

#[test]
fn a_failed_run_is_job_failed_with_the_apis_error() {
    let mock = mock();
    mock.job(
        43,
        MockJob::fails_after(2, "relation \"users\" does not exist"),
    );
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(43).unwrap();

    let error = run.wait().unwrap_err();
    let Error::JobFailed {
        job_id,
        run_id,
        ref message,
        out_of_memory,
        ref run,
    } = error
    else {
        panic!("expected JobFailed, got {error:?}");
    };
    assert_eq!((job_id, out_of_memory), (43, false));
    assert_eq!(message, "relation \"users\" does not exist");
    assert_eq!(run.state, RunState::Failed);
    assert_eq!(
        error.to_string(),
        format!("(From job 43 / run {run_id}) relation \"users\" does not exist")
    );
    // The error text is enough: the log is not read.
    assert!(!requests(&mock).iter().any(|r| r.contains("/logs")));
}

#[test]
fn a_failure_without_error_text_is_told_by_the_last_15_log_lines() {
    let mock = mock();
    let mut job = MockJob::fails_with_logs_after(2);
    for n in 1..=20 {
        job = job.log("info", &format!("line {n}"));
    }
    mock.job(44, job);
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(44).unwrap();

    let Err(Error::JobFailed {
        message,
        out_of_memory,
        run: failed,
        ..
    }) = run.wait()
    else {
        panic!("expected JobFailed");
    };
    let expected: Vec<String> = (6..=20).map(|n| format!("line {n}")).collect();
    assert_eq!(message, expected.join("\n"));
    assert!(!out_of_memory);
    assert_eq!(failed.error, None);
    let logs = format!("GET /jobs/44/runs/{}/logs?limit=15", run.run_id());
    assert_eq!(requests(&mock).last(), Some(&logs));
    // The log was complete at once: no pause beyond the two polls of the run.
    assert_eq!(clock.sleeps().len(), 2);
}

#[test]
fn a_failure_log_still_being_written_is_waited_for_on_the_polling_clock() {
    let mock = mock();
    mock.job(
        45,
        MockJob::fails_with_logs_after(1)
            .log("info", "starting")
            .log_from_poll(4, "error", "ZeroDivisionError: division by zero"),
    );
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(45).unwrap();

    let Err(Error::JobFailed { message, .. }) = run.wait() else {
        panic!("expected JobFailed");
    };
    assert_eq!(message, "starting\nZeroDivisionError: division by zero");
    // One pause before the poll that saw `failed`, then the log's own schedule until its last
    // line arrived on the run's fourth request.
    assert_close(&seconds(&clock.sleeps()), &[1.0, 1.0, 1.2]);
}

#[test]
fn a_failure_log_that_never_completes_is_waited_for_15_s_at_most() {
    let mock = mock();
    mock.job(
        46,
        MockJob::fails_with_logs_after(1)
            .log("info", "starting")
            .log_from_poll(1_000, "error", "never seen"),
    );
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(46).unwrap();

    let Err(Error::JobFailed { message, .. }) = run.wait() else {
        panic!("expected JobFailed");
    };
    assert_eq!(message, "starting");
    let waits = clock.sleeps();
    let for_the_log: Duration = waits[1..].iter().sum();
    assert_eq!(for_the_log, Duration::from_secs(15), "{waits:?}");
}

#[test]
fn a_run_out_of_memory_says_so() {
    let mock = mock();
    mock.job(
        47,
        MockJob::runs_out_of_memory_after(2).log("info", "loading 40 GB"),
    );
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(47).unwrap();

    let error = run.wait().unwrap_err();
    let Error::JobFailed {
        ref message,
        out_of_memory,
        ..
    } = error
    else {
        panic!("expected JobFailed, got {error:?}");
    };
    assert!(out_of_memory);
    assert_eq!(
        message,
        "Process ran out of its allowed 3000 MiB of memory and was killed."
    );
    assert!(error.to_string().starts_with(&format!(
        "(From job 47 / run {}) Process ran out of its",
        run.run_id()
    )));
}

#[test]
fn a_run_cancelled_elsewhere_is_returned_as_cancelled() {
    let mock = mock();
    mock.job(48, MockJob::cancelled_after(2));
    let clock = FakeClock::default();
    let finished = client(&mock, &clock).run_job(48).unwrap().wait().unwrap();
    assert_eq!(finished.state, RunState::Cancelled);
}

#[test]
fn wait_timeout_gives_up_without_cancelling_the_run() {
    let mock = mock();
    mock.job(49, MockJob::stays_running());
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(49).unwrap();

    let error = run.wait_timeout(Duration::from_secs(10)).unwrap_err();
    let Error::WaitTimeout {
        job_id,
        run_id,
        ref state,
        waited,
    } = error
    else {
        panic!("expected WaitTimeout, got {error:?}");
    };
    assert_eq!((job_id, run_id), (49, run.run_id()));
    assert_eq!(*state, RunState::Running);
    assert_eq!(waited, Duration::from_secs(10));
    // The last pause is cut short to end the wait on time.
    let waits = clock.sleeps();
    assert_eq!(waits.iter().sum::<Duration>(), Duration::from_secs(10));
    assert!(error
        .to_string()
        .contains("still running after waiting 10.0 s"));
    assert!(!requests(&mock).iter().any(|r| r.starts_with("DELETE")));
    assert_eq!(run.state().unwrap(), RunState::Running);
}

#[test]
fn cancel_deletes_the_run_then_polls_until_it_says_cancelled() {
    let mock = mock();
    mock.job(50, MockJob::stays_running());
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(50).unwrap();
    assert_eq!(run.state().unwrap(), RunState::Queued);
    mock.clear_requests();

    let cancelled = run.cancel().unwrap();
    assert_eq!(cancelled.state, RunState::Cancelled);
    let path = format!("/jobs/50/runs/{}", run.run_id());
    assert_eq!(
        requests(&mock),
        [
            format!("DELETE {path}"),
            format!("GET {path}"),
            format!("GET {path}")
        ]
    );
    assert_close(&seconds(&clock.sleeps()), &[1.0, 1.2]);
}

#[test]
fn cancel_of_a_finished_run_returns_how_it_ended() {
    let mock = mock();
    mock.job(51, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let run = client.run_job(51).unwrap();
    run.wait().unwrap();

    let finished = run.cancel().unwrap();
    assert_eq!(finished.state, RunState::Succeeded);
    assert!(requests(&mock).iter().any(|r| r.starts_with("DELETE")));

    let unknown = client.job_run(51, 1).cancel().unwrap_err();
    assert!(
        matches!(unknown, Error::Api { status: 404, .. }),
        "{unknown:?}"
    );
}

#[test]
fn a_poll_answered_503_is_retried_and_any_other_error_ends_the_wait() {
    let mock = mock();
    mock.job(52, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let run = client.run_job(52).unwrap();
    let path = format!("/jobs/52/runs/{}", run.run_id());
    mock.script(
        "GET",
        &path,
        [
            Scripted::status(503),
            Scripted::json(
                200,
                json!({"id": run.run_id(), "state": "succeeded"}).to_string(),
            ),
        ],
    );
    assert_eq!(run.wait().unwrap().state, RunState::Succeeded);
    assert_eq!(
        requests(&mock)
            .iter()
            .filter(|r| **r == format!("GET {path}"))
            .count(),
        2
    );

    mock.script(
        "GET",
        &path,
        [Scripted::json(403, r#"{"errorDescription": "no access"}"#)],
    );
    let error = run.wait().unwrap_err();
    assert!(matches!(error, Error::Api { status: 403, .. }), "{error:?}");
}

#[test]
fn outputs_are_read_with_their_names_types_and_ids() {
    let mock = mock();
    mock.job(
        53,
        MockJob::succeeds_after(1)
            .output("report.csv", "File", 7)
            .output("users", "Table", 8),
    );
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(53).unwrap();
    run.wait().unwrap();

    let outputs = run.outputs().unwrap();
    let seen: Vec<(&str, &str, i64)> = outputs
        .iter()
        .map(|o| (o.name.as_str(), o.object_type.as_str(), o.object_id))
        .collect();
    assert_eq!(seen, [("report.csv", "File", 7), ("users", "Table", 8)]);
    assert_eq!(outputs[0].link.as_deref(), Some("/files/7"));
    assert_eq!(
        serde_json::to_value(&outputs[1]).unwrap()["object_type"],
        "Table"
    );
}

#[test]
fn outputs_beyond_the_first_page_of_50_are_read_too() {
    let mock = mock();
    let mut job = MockJob::succeeds_after(1);
    for n in 1..=60 {
        job = job.output(&format!("part-{n}.csv"), "File", n);
    }
    mock.job(66, job);
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(66).unwrap();

    let ids: Vec<i64> = run.outputs().unwrap().iter().map(|o| o.object_id).collect();
    assert_eq!(ids, (1..=60).collect::<Vec<_>>());
    let outputs = format!("GET /jobs/66/runs/{}/outputs", run.run_id());
    let pages: Vec<String> = requests(&mock)
        .into_iter()
        .filter_map(|r| r.strip_prefix(&outputs).map(str::to_string))
        .collect();
    assert_eq!(pages, ["?limit=50&page_num=1", "?limit=50&page_num=2"]);
}

#[test]
fn run_template_makes_a_custom_script_runs_it_and_reads_its_outputs() {
    let mock = mock();
    mock.template(
        9,
        MockJob::succeeds_after(2).output("result", "JSONValue", 3),
    );
    let clock = FakeClock::default();
    let client = client(&mock, &clock);

    let run = client
        .run_template(9, json!({"TABLE": "public.users", "myVar": 1}))
        .unwrap();
    let finished = run.wait().unwrap();
    assert_eq!(finished.state, RunState::Succeeded);
    let outputs = run.outputs().unwrap();
    assert_eq!(
        (outputs[0].name.as_str(), outputs[0].object_id),
        ("result", 3)
    );

    let sent = mock.requests();
    assert_eq!(sent[0].method, "POST");
    assert_eq!(sent[0].url, "/scripts/custom");
    // Free-form arguments keep their keys.
    assert_eq!(
        sent[0].json(),
        Some(json!({"from_template_id": 9, "arguments": {"TABLE": "public.users", "myVar": 1}}))
    );
    assert_eq!(
        sent[1].url,
        format!("/scripts/custom/{}/runs", run.job_id())
    );
    assert_ne!(run.job_id(), 9, "the run belongs to the new custom script");
}

#[test]
fn run_template_of_a_template_that_fails_is_job_failed() {
    let mock = mock();
    mock.template(10, MockJob::fails_after(1, "bad argument"));
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_template(10, json!({})).unwrap();
    let error = run.wait().unwrap_err();
    assert!(
        matches!(&error, Error::JobFailed { job_id, message, .. } if *job_id == run.job_id() && message == "bad argument"),
        "{error:?}"
    );
}

#[test]
fn logs_follow_across_pages_with_a_late_entry_and_no_duplicates() {
    let mock = mock();
    let mut job = MockJob::succeeds_after(6);
    for n in 1..=600 {
        job = if n == 300 {
            job.log_from_poll(4, "warn", "line 300, written late")
        } else {
            job.log("info", &format!("line {n}"))
        };
    }
    mock.job(54, job);
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(54).unwrap();

    let entries: Vec<civis::runs::LogEntry> = run.logs().collect::<Result<_, _>>().unwrap();

    let mut ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    let order = ids.clone();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids, (1..=600).collect::<Vec<_>>(), "every entry once");
    assert_eq!(entries.len(), 600);
    let late = order.iter().position(|id| *id == 300).unwrap();
    assert!(
        order[..late].contains(&600),
        "the late entry came after the end of the log had been read"
    );
    let late_entry = &entries[late];
    assert_eq!(
        (late_entry.level.as_str(), late_entry.message.as_str()),
        ("warn", "line 300, written late")
    );
    assert!(!late_entry.created_at.is_empty());

    let logs = format!("GET /jobs/54/runs/{}/logs", run.run_id());
    let asked: Vec<String> = requests(&mock)
        .into_iter()
        .filter_map(|r| r.strip_prefix(&logs).map(str::to_string))
        .collect();
    assert_eq!(
        asked,
        [
            "?last_id=0&limit=250",
            "?last_id=250&limit=250",
            "?last_id=501&limit=250",
            "?last_id=0&limit=250",
            "?last_id=250&limit=250",
            "?last_id=500&limit=250",
        ]
    );
    // Pages that had more to give were read at once; the one pause was the log's 5 s.
    assert_eq!(clock.sleeps(), [Duration::from_secs(5)]);
}

#[test]
fn job_logs_without_a_run_follows_the_latest_run() {
    let mock = mock();
    mock.job(
        55,
        MockJob::succeeds_after(1)
            .log("info", "hello")
            .log("info", "bye"),
    );
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    client.run_job(55).unwrap();
    let latest = client.run_job(55).unwrap();
    mock.clear_requests();

    let messages: Vec<String> = client
        .job_logs(55, None)
        .unwrap()
        .map(|e| e.map(|e| e.message))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(messages, ["hello", "bye"]);
    let sent = requests(&mock);
    assert_eq!(sent[0], "GET /jobs/55/runs?limit=1&order=id&order_dir=desc");
    assert_eq!(
        sent[1],
        format!(
            "GET /jobs/55/runs/{}/logs?last_id=0&limit=250",
            latest.run_id()
        )
    );

    let error = client.job_logs(56, None).unwrap_err();
    assert!(matches!(error, Error::Api { status: 404, .. }), "{error:?}");
}

#[test]
fn a_log_error_is_yielded_once_and_ends_the_iteration() {
    let mock = mock();
    mock.job(57, MockJob::stays_running());
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(57).unwrap();
    mock.script(
        "GET",
        &format!("/jobs/57/runs/{}/logs", run.run_id()),
        [Scripted::json(403, r#"{"errorDescription": "no access"}"#)],
    );
    let results: Vec<_> = run.logs().collect();
    assert_eq!(results.len(), 1);
    assert!(matches!(results[0], Err(Error::Api { status: 403, .. })));
}

#[test]
fn a_run_is_waited_on_from_another_thread() {
    let mock = mock();
    mock.job(58, MockJob::succeeds_after(2));
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(58).unwrap();
    let finished = std::thread::spawn(move || run.wait())
        .join()
        .unwrap()
        .unwrap();
    assert_eq!(finished.state, RunState::Succeeded);
}

#[test]
fn jobs_not_declared_still_answer_from_the_recorded_examples() {
    let mock = MockServer::start_from_file(env!("CIVIS_API_SPEC")).unwrap();
    mock.job(42, MockJob::stays_running());
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    // The spec records `GET /jobs/57/runs/36` as succeeded.
    let finished = client.job_run(57, 36).wait().unwrap();
    assert_eq!(finished.state, RunState::Succeeded);
    assert_eq!(
        finished.finished_at.as_deref(),
        Some("2026-05-27T15:44:35.000Z")
    );
}

#[test]
fn wait_timeout_zero_polls_once_and_finishes_a_run_that_is_over() {
    let mock = mock();
    mock.job(59, MockJob::fails_after(2, "boom"));
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(59).unwrap();

    let first = run.wait_timeout(Duration::ZERO).unwrap_err();
    assert!(
        matches!(first, Error::WaitTimeout { state: RunState::Queued, waited, .. } if waited == Duration::ZERO),
        "{first:?}"
    );
    let second = run.wait_timeout(Duration::ZERO).unwrap_err();
    assert!(
        matches!(&second, Error::JobFailed { message, .. } if message == "boom"),
        "{second:?}"
    );
    assert_eq!(mock.requests().len(), 3);
    assert!(clock.sleeps().iter().all(|w| w.is_zero()));
}

#[test]
fn the_pause_between_polls_of_a_log_being_written_can_be_changed() {
    let mock = mock();
    mock.job(65, MockJob::succeeds_after(3).log("info", "one"));
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(65).unwrap();
    let entries: Vec<_> = run
        .logs()
        .follow_interval(Duration::from_millis(300))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(clock.sleeps(), [Duration::from_millis(300); 2]);
}

#[test]
fn finished_timeout_ends_the_follow_of_a_log_the_api_never_marks_complete() {
    let mock = mock();
    // The log stays `no-store` after the run ends, as the platform's may for minutes; a late
    // line appears at poll 3, before the run ends at poll 5.
    mock.job(
        66,
        MockJob::succeeds_after(5)
            .log("info", "one")
            .log_from_poll(3, "info", "late")
            .log("info", "two")
            .log_stays_open(),
    );
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(66).unwrap();
    // civis.utils.job_logs(66, run_id, finished_timeout=0)
    let messages: Vec<String> = run
        .logs()
        .finished_timeout(Duration::ZERO)
        .map(|entry| entry.map(|e| e.message))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(messages, ["one", "two", "late"]);
    // After each caught-up page the run was asked whether it had finished, until it had.
    let asked = requests(&mock);
    let run_path = format!("GET /jobs/66/runs/{}", run.run_id());
    let checks = asked.iter().filter(|r| **r == run_path).count();
    let pages = asked
        .iter()
        .filter(|r| r.starts_with(&format!("{run_path}/logs")))
        .count();
    assert_eq!(checks, pages, "{asked:?}");
    assert!((2..=6).contains(&pages), "{asked:?}");
    assert_eq!(clock.sleeps().len(), pages - 1);
}

#[test]
fn a_run_that_never_stops_after_a_cancel_is_given_up_within_the_bound() {
    let mock = mock();
    mock.job(67, MockJob::stays_running().ignores_cancel());
    let clock = FakeClock::default();
    let run = client(&mock, &clock).run_job(67).unwrap();
    let error = run.cancel().unwrap_err();
    assert!(
        matches!(
            &error,
            Error::WaitTimeout {
                state: RunState::Running,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("the run goes on"), "{error}");
    let waited: Duration = clock.sleeps().iter().sum();
    assert!(waited <= civis::runs::CANCEL_TIMEOUT, "{waited:?}");
    assert!(
        waited >= civis::runs::CANCEL_TIMEOUT - Duration::from_secs(15),
        "{waited:?}"
    );
    // A shorter bound of one's own.
    let clock = FakeClock::default();
    let run = client(&mock, &clock).job_run(67, run.run_id());
    assert!(run.cancel_within(Duration::from_secs(5)).is_err());
    assert!(clock.sleeps().iter().sum::<Duration>() <= Duration::from_secs(5));
}

#[test]
fn a_log_follow_over_a_server_that_ignores_last_id_ends_after_a_few_requests() {
    // Every page is the same three entries, and the header says there are ten: the server
    // ignores `last_id`, the log is complete.
    let page = r#"[{"id": 1, "createdAt": "2026-01-01T00:00:01Z", "message": "a", "level": "info"},
                   {"id": 2, "createdAt": "2026-01-01T00:00:02Z", "message": "b", "level": "info"},
                   {"id": 3, "createdAt": "2026-01-01T00:00:03Z", "message": "c", "level": "info"}]"#;
    let server = civis_tests::scripted_server([Scripted::json(200, page)
        .header("Civis-Max-Id", "10")
        .header("Civis-Cache-Control", "public")]);
    let clock = FakeClock::default();
    let client = client(&server, &clock);
    let messages: Vec<String> = client
        .job_run(5, 6)
        .logs()
        .map(|e| e.map(|e| e.message))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(messages, ["a", "b", "c"]);
    assert!(server.requests().len() <= 3, "{}", server.requests().len());
}

#[test]
fn the_debug_of_an_error_leads_with_its_message() {
    let error = Error::Usage("no SQL given".into());
    assert_eq!(format!("{error:?}"), "no SQL given (Error::Usage)");
}

#[test]
fn a_wait_survives_a_500_and_dropped_connections_and_gives_up_after_the_outage_limit() {
    let mock = mock();
    mock.job(68, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let run = client.run_job(68).unwrap();
    let path = format!("/jobs/68/runs/{}", run.run_id());
    let succeeded = json!({"id": run.run_id(), "state": "succeeded"}).to_string();
    mock.script(
        "GET",
        &path,
        [
            Scripted::json(500, r#"{"errorDescription": "boom"}"#),
            Scripted::drop_connection(),
            Scripted::drop_connection(),
            Scripted::drop_connection(),
            Scripted::drop_connection(),
            Scripted::json(200, succeeded),
        ],
    );
    assert_eq!(run.wait().unwrap().state, RunState::Succeeded);

    // An API that stays down: the wait ends once it has been unreachable for the limit.
    mock.script(
        "GET",
        &path,
        [Scripted::json(500, r#"{"errorDescription": "down"}"#)],
    );
    let clock = FakeClock::default();
    let error = self::client(&mock, &clock)
        .job_run(68, run.run_id())
        .wait()
        .unwrap_err();
    assert!(matches!(error, Error::Api { status: 500, .. }), "{error}");
    let waited: Duration = clock.sleeps().iter().sum();
    assert!(waited >= civis::runs::POLL_OUTAGE_LIMIT, "{waited:?}");
    assert!(
        waited < civis::runs::POLL_OUTAGE_LIMIT + Duration::from_secs(30),
        "{waited:?}"
    );
}

#[test]
fn a_log_follow_takes_the_clients_own_polling() {
    let mock = mock();
    mock.job(69, MockJob::succeeds_after(3).log("info", "one"));
    let clock = FakeClock::default();
    let client = Client::builder()
        .api_key("runs-key")
        .base_url(mock.url())
        .clock(clock.clone())
        .polling(Polling::every(Duration::from_millis(200)))
        .build()
        .unwrap();
    let run = client.run_job(69).unwrap();
    let entries: Vec<_> = run.logs().collect::<Result<_, _>>().unwrap();
    assert_eq!(entries.len(), 1);
    assert!(!clock.sleeps().is_empty());
    assert!(
        clock
            .sleeps()
            .iter()
            .all(|d| *d == Duration::from_millis(200)),
        "{:?}",
        clock.sleeps()
    );
}

#[test]
fn a_run_guarded_by_cancel_on_drop_is_cancelled_on_an_early_return_and_not_after_its_end() {
    let mock = mock();
    mock.job(71, MockJob::stays_running());
    mock.job(72, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let deletes = |mock: &MockServer| {
        requests(mock)
            .into_iter()
            .filter(|r| r.starts_with("DELETE "))
            .collect::<Vec<_>>()
    };
    let early = |client: &Client| -> Result<i64, Error> {
        let guard = client.run_job(71)?.cancel_on_drop();
        let run_id = guard.run().run_id();
        guard.run().wait_timeout(Duration::from_secs(1))?; // times out: `?` returns early
        Ok(run_id)
    };
    assert!(matches!(early(&client), Err(Error::WaitTimeout { .. })));
    assert_eq!(deletes(&mock).len(), 1, "{:?}", requests(&mock));
    assert!(deletes(&mock)[0].starts_with("DELETE /jobs/71/runs/"));

    mock.clear_requests();
    let guard = client.run_job(72).unwrap().cancel_on_drop();
    assert_eq!(guard.wait().unwrap().state, RunState::Succeeded);
    drop(guard);
    assert!(deletes(&mock).is_empty(), "{:?}", requests(&mock));
    let released = client.run_job(71).unwrap().cancel_on_drop().release();
    assert_eq!(released.job_id(), 71);
    assert!(deletes(&mock).is_empty());
}

#[test]
fn a_run_post_answered_503_after_the_run_was_made_leaves_exactly_one_run() {
    let mock = mock();
    mock.job(74, MockJob::succeeds_after(1));
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    // An earlier run, well before: not to be taken for this POST's.
    let earlier = client.run_job(74).unwrap();
    std::thread::sleep(Duration::from_millis(1100));
    mock.clear_requests();

    // The API starts the run, a gateway answers 503: civis-python retries and starts a second.
    mock.fail_after_work_once("POST", "/jobs/74/runs", Scripted::status(503));
    let run = client.run_job(74).unwrap();
    assert_ne!(run.run_id(), earlier.run_id());
    let posts = requests(&mock)
        .into_iter()
        .filter(|r| r.starts_with("POST /jobs/74/runs"))
        .count();
    assert_eq!(posts, 1, "{:?}", requests(&mock));
    assert_eq!(run.wait().unwrap().state, RunState::Succeeded);

    // A 503 that started nothing: looked for, not found, sent again.
    mock.clear_requests();
    std::thread::sleep(Duration::from_millis(1100));
    mock.script("POST", "/jobs/74/runs", [Scripted::status(503)]);
    let refused = client.run_job(74);
    assert!(
        matches!(refused, Err(Error::Api { status: 503, .. })),
        "{refused:?}"
    );
    let sent = requests(&mock);
    let posts = sent
        .iter()
        .filter(|r| r.starts_with("POST /jobs/74/runs"))
        .count();
    let lookups = sent
        .iter()
        .filter(|r| r.starts_with("GET /jobs/74/runs?"))
        .count();
    // As many attempts as the client's retries make of any POST answered 503, each followed
    // by one look for a run.
    mock.script("POST", "/jobs/75/runs", [Scripted::status(503)]);
    let api = civis::ApiClient::from(client.clone());
    assert!(api.call("jobs", "post_runs", json!({"id": 75})).is_err());
    let reference = requests(&mock)
        .iter()
        .filter(|r| r.starts_with("POST /jobs/75/runs"))
        .count();
    assert!(posts > 1, "{sent:?}");
    assert_eq!((posts, lookups), (reference, reference), "{sent:?}");
}
