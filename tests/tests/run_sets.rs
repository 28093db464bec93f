//! Many runs waited on from one thread against the mock's jobs: every outcome returned, the
//! finishing order, cancelling all, a timeout, and the rounds of polls on one schedule.

use std::time::Duration;

use civis::runs::{RunSet, RunState};
use civis::{Client, Error};
use civis_mock::{MockJob, MockServer};
use civis_tests::FakeClock;

fn setup(jobs: &[(i64, MockJob)]) -> (MockServer, FakeClock, Client) {
    let mock = MockServer::scripted().expect("a free loopback port");
    for (id, job) in jobs {
        mock.job(*id, job.clone());
    }
    let clock = FakeClock::default();
    let client = Client::builder()
        .api_key("run-sets-key")
        .base_url(mock.url())
        .clock(clock.clone())
        .build()
        .unwrap();
    (mock, clock, client)
}

/// The polls (`GET /jobs/{id}/runs/{run_id}`) the mock received.
fn polls(mock: &MockServer) -> usize {
    mock.requests()
        .iter()
        .filter(|r| r.method == "GET" && r.url.contains("/runs/") && !r.url.contains("/logs"))
        .count()
}

#[test]
fn wait_all_returns_every_outcome_in_order_from_rounds_on_one_schedule() {
    let (mock, clock, client) = setup(&[
        (41, MockJob::succeeds_after(3)),
        (
            42,
            MockJob::fails_after(2, "relation \"users\" does not exist"),
        ),
        (43, MockJob::cancelled_after(4)),
    ]);
    let runs = [41, 42, 43].map(|job| client.run_job(job).unwrap());
    let outcomes = RunSet::new(runs).wait_all();

    let indexes: Vec<usize> = outcomes.iter().map(|done| done.index).collect();
    assert_eq!(indexes, [0, 1, 2]);
    let succeeded = outcomes[0].outcome.as_ref().unwrap();
    assert_eq!(
        (succeeded.job_id, succeeded.state.clone()),
        (41, RunState::Succeeded)
    );
    match &outcomes[1].outcome {
        Err(Error::JobFailed {
            job_id, message, ..
        }) => {
            assert_eq!(*job_id, 42);
            assert!(message.contains("does not exist"), "{message}");
        }
        other => panic!("expected the failure of job 42, got {other:?}"),
    }
    let cancelled = outcomes[2].outcome.as_ref().unwrap();
    assert_eq!(cancelled.state, RunState::Cancelled);

    // Four rounds, the last run's fourth poll ending it, spaced by civis-python's schedule
    // (started here, so the first poll waits too); each run polled until it ended.
    let waits: Vec<f64> = clock.sleeps().iter().map(Duration::as_secs_f64).collect();
    let expected = [1.0, 1.2, 1.44, 1.728];
    assert_eq!(waits.len(), expected.len(), "{waits:?}");
    for (wait, want) in waits.iter().zip(expected) {
        assert!((wait - want).abs() < 1e-9, "{waits:?}");
    }
    assert_eq!(polls(&mock), 3 + 2 + 4);
}

#[test]
fn as_completed_yields_runs_in_the_order_they_end() {
    let (_mock, _clock, client) = setup(&[
        (51, MockJob::succeeds_after(5)),
        (52, MockJob::succeeds_after(1)),
        (53, MockJob::succeeds_after(3)),
    ]);
    let set = RunSet::new([51, 52, 53].map(|job| client.run_job(job).unwrap()));
    let order: Vec<i64> = set
        .as_completed()
        .map(|done| {
            assert!(done.outcome.is_ok(), "{:?}", done.outcome);
            done.run.job_id()
        })
        .collect();
    assert_eq!(order, [52, 53, 51]);
}

#[test]
fn cancel_all_cancels_every_run_and_waits_for_each() {
    let (mock, _clock, client) = setup(&[
        (61, MockJob::stays_running()),
        (62, MockJob::stays_running()),
    ]);
    let set = RunSet::new([61, 62].map(|job| client.run_job(job).unwrap()));
    let outcomes = set.cancel_all();
    assert_eq!(outcomes.len(), 2);
    for done in &outcomes {
        let finished = done.outcome.as_ref().unwrap();
        assert_eq!(finished.state, RunState::Cancelled);
    }
    let deletes = mock
        .requests()
        .iter()
        .filter(|r| r.method == "DELETE")
        .count();
    assert_eq!(deletes, 2);
}

#[test]
fn a_timeout_ends_the_runs_still_going_and_bounds_the_wait() {
    let (_mock, clock, client) = setup(&[
        (71, MockJob::succeeds_after(1)),
        (72, MockJob::stays_running()),
    ]);
    let set = RunSet::new([71, 72].map(|job| client.run_job(job).unwrap()))
        .timeout(Duration::from_secs(3));
    let outcomes = set.wait_all();
    assert!(outcomes[0].outcome.is_ok(), "{:?}", outcomes[0].outcome);
    match &outcomes[1].outcome {
        Err(Error::WaitTimeout { job_id, state, .. }) => {
            assert_eq!(*job_id, 72);
            assert_eq!(*state, RunState::Running);
        }
        other => panic!("expected a timeout for job 72, got {other:?}"),
    }
    let slept: Duration = clock.sleeps().iter().sum();
    assert!(slept <= Duration::from_secs(3), "slept {slept:?}");
    assert!(slept >= Duration::from_secs(3), "gave up early: {slept:?}");
}

/// The runs started (`POST /jobs/{id}/runs`) of job `job`.
fn starts(mock: &MockServer, job: i64) -> usize {
    let path = format!("/jobs/{job}/runs");
    mock.requests()
        .iter()
        .filter(|r| r.method == "POST" && r.url.split('?').next() == Some(path.as_str()))
        .count()
}

#[test]
fn max_retries_starts_a_failing_job_again_exactly_n_times_and_reports_each_attempt() {
    let (mock, _clock, client) = setup(&[
        (81, MockJob::fails_after(2, "disk full")),
        (82, MockJob::succeeds_after(2)),
        (83, MockJob::cancelled_after(1)),
    ]);
    let set = RunSet::new([81, 82, 83].map(|job| client.run_job(job).unwrap())).max_retries(2);
    let first_run = set.runs()[0].run_id();
    let outcomes = set.wait_all();

    // The failing job: the first run and two more, each failure kept, the last one the outcome.
    assert_eq!(starts(&mock, 81), 3);
    let failing = &outcomes[0];
    let mut run_ids: Vec<i64> = failing
        .attempts
        .iter()
        .map(|attempt| match attempt {
            Error::JobFailed {
                job_id,
                run_id,
                message,
                ..
            } => {
                assert_eq!((*job_id, message.as_str()), (81, "disk full"));
                *run_id
            }
            other => panic!("expected a failed attempt, got {other:?}"),
        })
        .collect();
    assert_eq!(run_ids.len(), 2);
    assert_eq!(run_ids[0], first_run);
    match &failing.outcome {
        Err(Error::JobFailed { run_id, .. }) => run_ids.push(*run_id),
        other => panic!("expected the last attempt's failure, got {other:?}"),
    }
    assert_eq!(failing.run.run_id(), run_ids[2]);
    run_ids.sort_unstable();
    run_ids.dedup();
    assert_eq!(run_ids.len(), 3, "three distinct runs");

    // A success and a cancelled run are not started again.
    assert_eq!(starts(&mock, 82), 1);
    assert!(outcomes[1].attempts.is_empty() && outcomes[1].outcome.is_ok());
    assert_eq!(starts(&mock, 83), 1);
    assert_eq!(
        outcomes[2].outcome.as_ref().unwrap().state,
        RunState::Cancelled
    );
}

#[test]
fn a_job_that_fails_then_succeeds_is_done_after_one_retry() {
    let (mock, _clock, client) = setup(&[(
        84,
        MockJob::fails_after(2, "lock timeout").then(MockJob::succeeds_after(2)),
    )]);
    let done = RunSet::new([client.run_job(84).unwrap()])
        .max_retries(3)
        .wait_all();
    assert_eq!(starts(&mock, 84), 2, "one retry, no more");
    let failed_run = match done[0].attempts.as_slice() {
        [Error::JobFailed {
            message, run_id, ..
        }] => {
            assert_eq!(message, "lock timeout");
            *run_id
        }
        other => panic!("expected one failed attempt, got {other:?}"),
    };
    let finished = done[0].outcome.as_ref().unwrap();
    assert_eq!(finished.state, RunState::Succeeded);
    assert_ne!(finished.run_id, failed_run);
}

#[test]
fn polling_slows_as_the_rate_limit_runs_low_and_meets_no_429() {
    let jobs: Vec<(i64, MockJob)> = (101..113)
        .map(|id| (id, MockJob::succeeds_after(8)))
        .collect();
    let (mock, clock, client) = setup(&jobs);
    // 60 calls per 300 s, on the client's clock: 12 runs of 8 polls and their 12 starts are
    // 108 calls, which civis-python's schedule would make within 17 s.
    mock.rate_limit_on(
        60,
        Duration::from_secs(300),
        std::sync::Arc::new(clock.clone()),
    );
    let runs: Vec<_> = jobs
        .iter()
        .map(|(id, _)| client.run_job(*id).unwrap())
        .collect();
    let done = RunSet::new(runs).wait_all();

    assert!(done.iter().all(|done| done.outcome.is_ok()), "{done:?}");
    assert_eq!(mock.rate_limited(), 0, "no call met a 429");
    assert_eq!(polls(&mock), 12 * 8, "no poll was repeated");
    assert!(
        mock.requests().len() > 60,
        "more calls than one period allows"
    );
    let sleeps = clock.sleeps();
    // The first round comes after civis-python's 1 s; once the answers tell the budget, the
    // rounds are spaced far beyond the schedule's 15 s ceiling, and the wait outlasts the
    // period, which is what let the budget come back.
    assert_eq!(sleeps[0], Duration::from_secs(1));
    assert!(sleeps[1] > Duration::from_secs(60), "{sleeps:?}");
    let waited: Duration = sleeps.iter().sum();
    assert!(waited > Duration::from_secs(300), "{sleeps:?}");
    let limit = client.rate_limit().expect("the mock's headers were read");
    assert_eq!(limit.limit, 60);
    assert!(
        limit.remaining < 60 && limit.resets_in.is_some(),
        "{limit:?}"
    );
}

#[test]
fn a_short_wait_on_a_healthy_budget_polls_at_the_pace_asked() {
    let (mock, clock, client) = setup(&[(121, MockJob::succeeds_after(4))]);
    // 1,000 calls per 300 s: spreading the whole budget would space one run's polls 0.33 s
    // apart; while more than half is left, they keep the 50 ms asked.
    mock.rate_limit_on(
        1000,
        Duration::from_secs(300),
        std::sync::Arc::new(clock.clone()),
    );
    let asked = Duration::from_millis(50);
    let run = client
        .run_job(121)
        .unwrap()
        .polling(civis::runs::Polling::every(asked));
    run.wait().unwrap();
    let sleeps = clock.sleeps();
    assert!(sleeps.len() >= 3, "{sleeps:?}");
    assert!(sleeps.iter().all(|slept| *slept == asked), "{sleeps:?}");
    assert_eq!(mock.rate_limited(), 0);
}

#[test]
fn a_set_rides_out_a_500_on_one_runs_poll() {
    let (mock, _clock, client) = setup(&[
        (81, MockJob::succeeds_after(2)),
        (82, MockJob::succeeds_after(2)),
    ]);
    let first = client.run_job(81).unwrap();
    let second = client.run_job(82).unwrap();
    let path = format!("/jobs/81/runs/{}", first.run_id());
    let done = serde_json::json!({"id": first.run_id(), "state": "succeeded"}).to_string();
    mock.script(
        "GET",
        &path,
        [
            civis_mock::Scripted::json(500, r#"{"errorDescription": "boom"}"#),
            civis_mock::Scripted::json(500, r#"{"errorDescription": "boom"}"#),
            civis_mock::Scripted::json(200, done),
        ],
    );
    let outcomes: Vec<RunState> = RunSet::new(vec![first, second])
        .wait_all()
        .into_iter()
        .map(|done| done.outcome.unwrap().state)
        .collect();
    assert_eq!(outcomes, [RunState::Succeeded, RunState::Succeeded]);
}
