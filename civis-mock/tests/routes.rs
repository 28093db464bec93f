//! The route table over real HTTP: a simulated job's runs, the 404 of a run it does not have
//! whatever is asked of it, and requests the table does not simulate left to recorded examples.

use civis_mock::{MockJob, MockServer};
use serde_json::Value;

fn call(mock: &MockServer, verb: &str, path: &str) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("{}{}", mock.url(), path.trim_start_matches('/'));
    let mut response = match verb {
        "GET" => agent.get(&url).call(),
        "POST" => agent.post(&url).send_empty(),
        "PATCH" => agent.patch(&url).send_empty(),
        "DELETE" => agent.delete(&url).call(),
        other => panic!("no {other} here"),
    }
    .unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

#[test]
fn runs_of_a_simulated_job_and_the_404_of_a_run_it_does_not_have() {
    let mock = MockServer::scripted().unwrap();
    mock.job(42, MockJob::stays_running().log("info", "hello"));
    let (status, run) = call(&mock, "POST", "/jobs/42/runs");
    assert_eq!((status, &run["state"]), (201, &Value::from("queued")));
    let run_id = run["id"].as_i64().unwrap();

    let (status, run) = call(&mock, "GET", &format!("/jobs/42/runs/{run_id}"));
    assert_eq!((status, run["id"].as_i64()), (200, Some(run_id)));
    let (status, logs) = call(&mock, "GET", &format!("/jobs/42/runs/{run_id}/logs"));
    assert_eq!((status, &logs[0]["message"]), (200, &Value::from("hello")));
    let (status, _) = call(&mock, "DELETE", &format!("/jobs/42/runs/{run_id}"));
    assert_eq!(status, 202);

    // Whatever is asked of a run the job does not have: the API's 404.
    for (verb, path) in [
        ("GET", "/jobs/42/runs/1"),
        ("PATCH", "/jobs/42/runs/1"),
        ("POST", "/jobs/42/runs/1/outputs"),
    ] {
        let (status, body) = call(&mock, verb, path);
        assert_eq!(status, 404, "{verb} {path}");
        assert_eq!(
            body["errorDescription"], "job 42 has no run 1",
            "{verb} {path}"
        );
    }

    // What the mock does not simulate is left to the recorded examples (none in a scripted
    // mock): another verb on a run it has, a job it was not told of, an id that is no number.
    for (verb, path) in [
        ("PATCH", format!("/jobs/42/runs/{run_id}")),
        ("GET", "/jobs/43/runs".to_string()),
        ("GET", "/jobs/forty-two/runs".to_string()),
    ] {
        let (status, body) = call(&mock, verb, &path);
        assert_eq!(status, 404, "{verb} {path}");
        let description = body["errorDescription"].as_str().unwrap_or_default();
        assert!(
            description.contains("no recorded answer"),
            "{verb} {path}: {body}"
        );
    }
}
