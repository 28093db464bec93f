//! The route table over real HTTP: a simulated job's runs, the 404 of a run it does not have
//! whatever is asked of it, and requests the table does not simulate left to recorded examples.

use civis_mock::{MockJob, MockServer};
use serde_json::Value;

/// Every request to the API carries a key, as the API requires.
const AUTH: &str = "Authorization";
const KEY: &str = "Bearer test-key";

fn call(mock: &MockServer, verb: &str, path: &str) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("{}{}", mock.url(), path.trim_start_matches('/'));
    let mut response = match verb {
        "GET" => agent.get(&url).header(AUTH, KEY).call(),
        "POST" => agent.post(&url).header(AUTH, KEY).send_empty(),
        "PATCH" => agent.patch(&url).header(AUTH, KEY).send_empty(),
        "DELETE" => agent.delete(&url).header(AUTH, KEY).call(),
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

/// Sends `raw` to the mock's address on a connection of its own, in a thread (a body the mock
/// stops reading may block it); what comes back until the mock closes.
fn exchange(mock: &MockServer, raw: Vec<u8>) -> String {
    use std::io::{Read, Write};
    let address = mock
        .url()
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut sending = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let _ = sending.write_all(&raw);
    });
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let _ = sender.join();
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn a_request_without_an_api_key_is_answered_401_as_the_api_answers() {
    let mock = MockServer::start_bundled().unwrap();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("{}users/me", mock.url());
    for authorization in [None, Some("Bearer "), Some("Bearer")] {
        let mut request = agent.get(&url);
        if let Some(value) = authorization {
            request = request.header(AUTH, value);
        }
        let mut response = request.call().unwrap();
        assert_eq!(response.status().as_u16(), 401, "{authorization:?}");
        let body: Value =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        assert_eq!(body["code"], 401);
        assert!(body["errorDescription"]
            .as_str()
            .unwrap()
            .contains("API key"));
    }
    let (status, me) = call(&mock, "GET", "/users/me");
    assert_eq!(status, 200, "{me}");
    // As civis-python sends it, too.
    let response = agent
        .get(&url)
        .header(AUTH, "Basic a2V5Og==")
        .call()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
}

#[test]
fn an_api_body_past_the_limit_is_answered_413_without_being_kept() {
    let mock = MockServer::scripted().unwrap();
    let limit = civis_mock::MAX_API_BODY;
    // Announced: refused before the body is read.
    let mut announced = format!(
        "POST /scripts/sql HTTP/1.1\r\nHost: x\r\nAuthorization: {KEY}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        512 * 1024 * 1024
    )
    .into_bytes();
    announced.extend(vec![b'x'; 64 * 1024]);
    let answer = exchange(&mock, announced);
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer:.200}");
    assert!(answer.contains(&limit.to_string()), "{answer}");
    // Chunked, so only reading tells: refused once past the limit.
    let mut chunked = format!(
        "POST /scripts/sql HTTP/1.1\r\nHost: x\r\nAuthorization: {KEY}\r\n\
         Transfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    let piece = vec![b'y'; 1024 * 1024];
    for _ in 0..(limit / piece.len() as u64 + 2) {
        chunked.extend(format!("{:x}\r\n", piece.len()).into_bytes());
        chunked.extend(&piece);
        chunked.extend(b"\r\n");
    }
    chunked.extend(b"0\r\n\r\n");
    let answer = exchange(&mock, chunked);
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer:.200}");
    // Logged without their bodies.
    let requests = mock.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.body.is_empty()));
}

#[test]
fn a_long_running_mock_keeps_a_bounded_request_log() {
    let mock = MockServer::scripted().unwrap();
    mock.keep_requests(3);
    for id in 0..10 {
        call(&mock, "GET", &format!("/users/{id}"));
    }
    let urls: Vec<String> = mock.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(urls, ["/users/7", "/users/8", "/users/9"]);
    mock.keep_requests(0);
    call(&mock, "GET", "/users/10");
    assert!(mock.requests().is_empty());
}
