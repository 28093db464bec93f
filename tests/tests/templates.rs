//! Runs of templates against the mock's simulated templates over real HTTP: the optional
//! fields of the custom script, civis-python's result forms (outputs by name, the first JSON
//! value, the run), and fan-outs that keep at most k going, re-run failures and stop on the
//! first failure when asked.

use civis::runs::{RunState, TemplateOutcome};
use civis::{Client, Error};
use civis_mock::{MockJob, MockServer};
use civis_tests::FakeClock;
use serde_json::{json, Value};

fn setup() -> (MockServer, Client) {
    let mock = MockServer::scripted().expect("a free loopback port");
    let client = Client::builder()
        .api_key("templates-key")
        .base_url(mock.url())
        .clock(FakeClock::default())
        .build()
        .unwrap();
    (mock, client)
}

/// The bodies of the custom scripts made, in order.
fn scripts_made(mock: &MockServer) -> Vec<Value> {
    mock.requests()
        .iter()
        .filter(|r| r.method == "POST" && r.url == "/scripts/custom")
        .filter_map(|r| r.json())
        .collect()
}

#[test]
fn the_optional_fields_of_post_custom_are_sent_as_the_api_names_them() {
    let (mock, client) = setup();
    mock.template(9, MockJob::succeeds_after(1));
    client
        .custom_script(9, json!({"TABLE": "public.users"}))
        .name("users report")
        .hidden(false)
        .remote_host_id(32)
        .credential_id(7)
        .required_resources(json!({"cpu": 1024, "memory": 4096}))
        .target_project_id(5)
        .parent_id(41)
        .time_zone("America/Chicago")
        .partition_label("gpu")
        .field("runningAsId", 3)
        .start()
        .unwrap()
        .wait()
        .unwrap();
    // civis-python's run_template(9, {"TABLE": ...}, name=..., hidden=False, remote_host_id=32,
    // credential_id=7, required_resources={...}, target_project_id=5, parent_id=41,
    // time_zone=..., partition_label="gpu", running_as_id=3) sends this body (its client
    // camelCases the keyword names).
    assert_eq!(
        scripts_made(&mock),
        [json!({
            "from_template_id": 9,
            "arguments": {"TABLE": "public.users"},
            "name": "users report",
            "hidden": false,
            "remoteHostId": 32,
            "credentialId": 7,
            "requiredResources": {"cpu": 1024, "memory": 4096},
            "targetProjectId": 5,
            "parentId": 41,
            "timeZone": "America/Chicago",
            "partitionLabel": "gpu",
            "runningAsId": 3,
        })]
    );
}

#[test]
fn outputs_by_name_and_json_value_are_civis_pythons_result_forms() {
    let (mock, client) = setup();
    mock.template(
        9,
        MockJob::succeeds_after(2)
            .output("report.csv", "File", 71)
            .output("users", "Table", 72)
            .json_output("summary", 73, json!({"rows": 10, "ok": true}))
            .json_output("second", 74, json!("not this one")),
    );
    let ids = client
        .custom_script(9, json!({"N": 1}))
        .outputs_by_name()
        .unwrap();
    // civis-python's return_as="files" maps every output by name, not only files.
    let expected: Vec<(&str, i64)> = vec![
        ("report.csv", 71),
        ("second", 74),
        ("summary", 73),
        ("users", 72),
    ];
    let got: Vec<(&str, i64)> = ids.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(got, expected);

    let value = client.custom_script(9, json!({})).json_value().unwrap();
    assert_eq!(
        value,
        Some(json!({"rows": 10, "ok": true})),
        "the first JSON value"
    );

    mock.template(
        10,
        MockJob::succeeds_after(1).output("only.csv", "File", 80),
    );
    assert_eq!(
        client.custom_script(10, json!({})).json_value().unwrap(),
        None
    );

    mock.template(11, MockJob::fails_after(1, "bad argument"));
    let error = client
        .custom_script(11, json!({}))
        .outputs_by_name()
        .unwrap_err();
    assert!(
        matches!(&error, Error::JobFailed { message, .. } if message == "bad argument"),
        "{error:?}"
    );
}

#[test]
fn arguments_that_are_not_an_object_are_refused_before_any_request() {
    let (mock, client) = setup();
    let error = client.custom_script(9, json!([1, 2])).start().unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error:?}");
    assert!(mock.requests().is_empty());
}

fn states(outcomes: &[TemplateOutcome]) -> Vec<String> {
    outcomes
        .iter()
        .map(|outcome| match &outcome.outcome {
            Ok(finished) => finished.state.to_string(),
            Err(Error::JobFailed { .. }) => "failed".into(),
            Err(Error::NotStarted(_)) => "not started".into(),
            Err(other) => format!("error: {other}"),
        })
        .collect()
}

#[test]
fn a_fan_out_keeps_at_most_k_going_and_returns_every_set_in_order() {
    let (mock, client) = setup();
    // Runs that take from 1 to 5 polls, so they end out of order.
    mock.template_in_turn(9, [3, 1, 5, 2, 4, 1, 3, 2].map(MockJob::succeeds_after));
    let sets: Vec<Value> = (0..8).map(|n| json!({"PART": n})).collect();
    let outcomes = client
        .custom_script(9, json!({"YEAR": 2026}))
        .hidden(true)
        .fan_out(sets)
        .at_most(3)
        .wait_all();

    assert_eq!(outcomes.len(), 8);
    assert_eq!(states(&outcomes), vec!["succeeded"; 8]);
    assert_eq!(
        outcomes.iter().map(|o| o.index).collect::<Vec<_>>(),
        (0..8).collect::<Vec<_>>()
    );
    assert_eq!(
        mock.peak_unfinished_runs(),
        3,
        "never more than 3 at once, and 3 used"
    );
    // Each set's arguments over the script's; the script's other fields on every one.
    let made = scripts_made(&mock);
    assert_eq!(made.len(), 8);
    for (n, body) in made.iter().enumerate() {
        assert_eq!(body["arguments"], json!({"YEAR": 2026, "PART": n}));
        assert_eq!(body["hidden"], json!(true));
        assert!(
            body["arguments"].get("CIVIS_PARENT_JOB_ID").is_none(),
            "not inside Civis"
        );
    }
    assert_eq!(outcomes[5].arguments, json!({"YEAR": 2026, "PART": 5}));
    let runs: Vec<i64> = outcomes
        .iter()
        .map(|o| o.run.as_ref().unwrap().run_id())
        .collect();
    let mut distinct = runs.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 8);
}

#[test]
fn a_fan_out_re_runs_a_failure_and_keeps_each_attempt() {
    let (mock, client) = setup();
    mock.template_in_turn(
        9,
        [
            MockJob::succeeds_after(1),
            MockJob::fails_after(2, "lock timeout").then(MockJob::succeeds_after(1)),
            MockJob::fails_after(1, "always"),
        ],
    );
    let outcomes = client
        .custom_script(9, json!({}))
        .fan_out((0..3).map(|n| json!({"N": n})))
        .max_retries(2)
        .wait_all();
    assert_eq!(states(&outcomes), ["succeeded", "succeeded", "failed"]);
    assert_eq!(outcomes[0].attempts.len(), 0);
    assert_eq!(outcomes[1].attempts.len(), 1, "failed once, then succeeded");
    assert_eq!(outcomes[2].attempts.len(), 2, "two re-runs, both failed");
    // Re-runs start the same script again: three scripts made, 1 + 2 + 3 runs.
    assert_eq!(scripts_made(&mock).len(), 3);
    let run_posts = mock
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.url.ends_with("/runs"))
        .count();
    assert_eq!(run_posts, 6);
}

#[test]
fn cancel_on_failure_cancels_what_goes_and_starts_nothing_more() {
    let (mock, client) = setup();
    mock.template_in_turn(
        9,
        [
            MockJob::succeeds_after(1),
            MockJob::fails_after(3, "bad state"),
            MockJob::stays_running(),
        ],
    );
    let outcomes = client
        .custom_script(9, json!({}))
        .fan_out((0..7).map(|n| json!({"N": n})))
        .at_most(3)
        .cancel_on_failure(true)
        .wait_all();

    let states = states(&outcomes);
    assert_eq!(states[0], "succeeded");
    assert_eq!(states[1], "failed");
    let started = scripts_made(&mock).len();
    assert!(
        started < 7,
        "the sets after the failure were not started: {states:?}"
    );
    for (index, state) in states.iter().enumerate().skip(2) {
        if index < started {
            assert_eq!(state, "cancelled", "set {index}: {states:?}");
            assert!(outcomes[index].run.is_some());
        } else {
            assert_eq!(state, "not started", "set {index}: {states:?}");
            assert!(outcomes[index].run.is_none());
            assert_eq!(outcomes[index].arguments, json!({"N": index}));
        }
    }
    let cancels = mock
        .requests()
        .iter()
        .filter(|r| r.method == "DELETE")
        .count();
    assert_eq!(cancels, started - 2, "every run still going was cancelled");
}

#[test]
fn cancel_all_of_a_fan_out_stops_it_on_request() {
    let (mock, client) = setup();
    mock.template_in_turn(9, [MockJob::succeeds_after(1), MockJob::stays_running()]);
    let mut runs = client
        .custom_script(9, json!({}))
        .fan_out((0..5).map(|n| json!({"N": n})))
        .at_most(2)
        .as_completed();
    let first = runs.next().unwrap();
    assert_eq!(first.index, 0);
    let rest = runs.cancel_all();
    let rest_states = states(&rest);
    assert_eq!(
        rest.iter().map(|o| o.index).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    // Set 1 and set 2 (started when set 0 ended) were going; the others never started.
    assert_eq!(
        rest_states,
        ["cancelled", "cancelled", "not started", "not started"]
    );
    assert_eq!(scripts_made(&mock).len(), 3);
    assert_eq!(rest[0].outcome.as_ref().unwrap().state, RunState::Cancelled);
}
