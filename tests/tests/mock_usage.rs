//! The offline Civis API as a user drives it: start the mock, point a client at it, script
//! answers, make calls, and look at the requests it received.

use std::time::Duration;

use civis::{config::Retry, Error};
use civis_mock::{MockServer, Scripted};
use civis_tests::all::ApiClient;
use civis_tests::snapshot_file;

fn offline_client(mock: &MockServer) -> ApiClient {
    ApiClient::builder()
        .api_key("offline")
        .base_url(mock.url())
        .build()
        .unwrap()
}

fn mock() -> MockServer {
    MockServer::start_from_file(snapshot_file("civis_api_spec.json")).unwrap()
}

#[test]
fn a_scripted_503_is_retried_and_the_requests_can_be_inspected() {
    let mock = mock();
    mock.script(
        "GET",
        "/users/me",
        [
            Scripted::status(503),
            Scripted::json(200, r#"{"id": 7, "username": "tester"}"#),
        ],
    );
    let client = ApiClient::builder()
        .api_key("offline")
        .base_url(mock.url())
        .clock(civis_tests::FakeClock::default())
        .build()
        .unwrap();

    let me = client.users().get_me().send().unwrap();

    assert_eq!(me.username.as_deref(), Some("tester"));
    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "the 503 was retried once");
    assert!(requests
        .iter()
        .all(|r| r.method == "GET" && r.url == "/users/me"));
    assert_eq!(requests[0].header("authorization"), Some("Bearer offline"));
}

#[test]
fn recorded_examples_answer_without_a_script() {
    let mock = mock();
    let client = offline_client(&mock);
    let user = client.users().get(4261).send().unwrap();
    assert!(user.id.is_some());
    // A recording whose `org_type` is a single value where the spec documents a list: replayed
    // through `call`, which sends what it is given.
    let args = serde_json::json!({"status": ["active", "trial"], "org_type": "platform"});
    let organizations = client.call("admin", "list_organizations", args).unwrap();
    assert!(organizations.json()[0]["name"].is_string());
}

#[test]
fn the_spec_is_served_at_endpoints() {
    let mock = mock();
    let client = offline_client(&mock);
    let spec: serde_json::Value =
        serde_json::from_slice(&client.download_api_spec().unwrap()).unwrap();
    assert_eq!(spec["swagger"], "2.0");
}

#[test]
fn an_unmatched_request_gets_a_404_naming_the_closest_recording() {
    let mock = mock();
    let client = offline_client(&mock);
    let err = client
        .admin()
        .list_organizations()
        .org_type(["ads"])
        .send()
        .unwrap_err();
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("closest recorded request is GET /admin/organizations"),
        "{text}"
    );
    assert!(text.contains("differs in query"), "{text}");
}

#[test]
fn delays_and_dropped_connections_can_be_scripted() {
    let mock = mock();
    mock.script(
        "GET",
        "/scripts/{id}",
        [Scripted::json(200, r#"{"id": 1}"#).delay(Duration::from_millis(300))],
    );
    mock.script(
        "DELETE",
        "/scripts/sql/{id}/projects/{project_id}",
        [Scripted::drop_connection()],
    );
    let client = ApiClient::builder()
        .api_key("offline")
        .base_url(mock.url())
        .read_timeout(Duration::from_millis(100))
        .retry(Retry::none())
        .build()
        .unwrap();
    let err = client.scripts().get(1).send().unwrap_err();
    assert!(
        matches!(err, Error::Transport { .. }),
        "a delay longer than the read timeout: {err}"
    );
    let err = client
        .scripts()
        .delete_sql_projects(1, 2)
        .send()
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err}");
    assert_eq!(mock.requests().len(), 2);
}
