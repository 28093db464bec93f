//! The transport against real HTTP servers on loopback: what goes on the wire for each verb, the
//! retry rules, timeouts, errors, and the three return kinds.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use civis::{config::Retry, Error};
use civis_mock::Scripted;
use civis_tests::all::ApiClient;
use civis_tests::scripted_server;
use civis_tests::FakeClock;
use serde_json::json;

const KEY: &str = "sekrit-api-key-123";

fn client_with(url: &str, clock: &FakeClock) -> ApiClient {
    ApiClient::builder()
        .api_key(KEY)
        .base_url(url)
        .clock(clock.clone())
        .build()
        .unwrap()
}

fn ok(body: &str) -> Scripted {
    Scripted::json(200, body)
}

#[test]
fn each_verb_sends_its_request_line_headers_and_body() {
    let server = scripted_server([ok("{}")]);
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .user_agent("my-tool/1.0")
        .build()
        .unwrap();

    client
        .tables()
        .list()
        .database_id(32)
        .schema("public")
        .send_raw()
        .unwrap();
    client
        .scripts()
        .post_sql("name", "select 1", 1, 2)
        .send_raw()
        .unwrap();
    client
        .scripts()
        .put_sql(7, "name", "select 2", 1, 2)
        .send_raw()
        .unwrap();
    client
        .scripts()
        .patch_sql(7)
        .name("renamed")
        .send_raw()
        .unwrap();
    client
        .scripts()
        .delete_sql_projects(7, 9)
        .send_raw()
        .unwrap();

    let requests = server.requests();
    let lines: Vec<String> = requests
        .iter()
        .map(|r| format!("{} {}", r.method, r.url))
        .collect();
    assert_eq!(
        lines,
        [
            "GET /tables?database_id=32&schema=public",
            "POST /scripts/sql",
            "PUT /scripts/sql/7",
            "PATCH /scripts/sql/7",
            "DELETE /scripts/sql/7/projects/9",
        ]
    );
    let bodies: Vec<_> = requests.iter().map(|r| r.json()).collect();
    assert_eq!(
        bodies,
        [
            None,
            Some(
                json!({"name": "name", "sql": "select 1", "remote_host_id": 1, "credential_id": 2})
            ),
            Some(
                json!({"name": "name", "sql": "select 2", "remote_host_id": 1, "credential_id": 2})
            ),
            Some(json!({"name": "renamed"})),
            None,
        ]
    );
    for request in &requests {
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {KEY}").as_str())
        );
        assert_eq!(
            request.header("accept"),
            Some("application/vnd.civis-platform.v1")
        );
        let agent = request.header("user-agent").unwrap();
        assert!(agent.starts_with("my-tool/1.0 civis-rust/"), "{agent}");
        let has_body = request.json().is_some();
        assert_eq!(
            request.header("content-type").is_some(),
            has_body,
            "{request:?}"
        );
    }
}

#[test]
fn get_is_retried_through_503s() {
    let server = scripted_server([
        Scripted::json(503, "{}"),
        Scripted::json(503, "{}"),
        ok(r#"{"id": 1}"#),
    ]);
    let clock = FakeClock::default();
    let user = client_with(server.url(), &clock)
        .users()
        .get(1)
        .send()
        .unwrap();
    assert_eq!(user.id, Some(1));
    assert_eq!(server.requests().len(), 3);
    // Random exponential with the jitter at one half: 2 s * 2^(n-1) / 2.
    assert_eq!(
        clock.sleeps(),
        [Duration::from_secs(1), Duration::from_secs(2)]
    );
}

#[test]
fn post_is_not_retried_on_502() {
    let server = scripted_server([Scripted::json(502, "{}"), ok("{}")]);
    let clock = FakeClock::default();
    let err = client_with(server.url(), &clock)
        .scripts()
        .post_sql("n", "s", 1, 2)
        .send()
        .unwrap_err();
    assert!(matches!(err, Error::Api { status: 502, .. }), "{err}");
    assert_eq!(server.requests().len(), 1);
    assert!(clock.sleeps().is_empty());
}

#[test]
fn post_waits_for_retry_after_on_429() {
    let server = scripted_server([
        Scripted::json(429, "{}").header("Retry-After", "2"),
        ok(r#"{"id": 5}"#),
    ]);
    // The real clock: this one test proves an actual wait.
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .build()
        .unwrap();
    let started = Instant::now();
    let script = client.scripts().post_sql("n", "s", 1, 2).send().unwrap();
    let waited = started.elapsed();
    assert_eq!(script.id, Some(5));
    assert_eq!(server.requests().len(), 2);
    assert!(waited >= Duration::from_secs(2), "waited only {waited:?}");
}

#[test]
fn patch_is_never_retried() {
    let server = scripted_server([Scripted::json(503, "{}"), ok("{}")]);
    let clock = FakeClock::default();
    let err = client_with(server.url(), &clock)
        .scripts()
        .patch_sql(7)
        .send()
        .unwrap_err();
    assert!(matches!(err, Error::Api { status: 503, .. }), "{err}");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn delete_is_retried_on_504() {
    let server = scripted_server([Scripted::json(504, ""), Scripted::status(204)]);
    let clock = FakeClock::default();
    client_with(server.url(), &clock)
        .scripts()
        .delete_sql_projects(7, 9)
        .send()
        .unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn retries_stop_at_retry_total_with_the_last_answer() {
    let server = scripted_server(
        (0..20).map(|i| Scripted::json(503, format!(r#"{{"errorDescription": "busy {i}"}}"#))),
    );
    let clock = FakeClock::default();
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .clock(clock.clone())
        .retry(Retry::total(3))
        .build()
        .unwrap();
    let err = client.users().get(1).send().unwrap_err();
    assert_eq!(server.requests().len(), 4);
    assert_eq!(err.to_string(), "(503) busy 3 (GET /users/1)");

    let default = client_with(server.url(), &clock);
    default.users().get(1).send().unwrap_err();
    assert_eq!(server.requests().len(), 4 + 10, "10 attempts by default");
}

#[test]
fn retries_stop_after_600_seconds() {
    let server = scripted_server([Scripted::json(429, "{}").header("Retry-After", "400")]);
    let clock = FakeClock::default();
    client_with(server.url(), &clock)
        .users()
        .get(1)
        .send()
        .unwrap_err();
    // A second attempt at 400 s; a third would start at 800 s, past the limit: no second wait.
    assert_eq!(clock.sleeps(), [Duration::from_secs(400)]);
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn retries_can_be_turned_off() {
    let server = scripted_server([Scripted::json(503, "{}"), ok("{}")]);
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .retry(Retry::none())
        .build()
        .unwrap();
    assert!(client.users().get(1).send_raw().is_err());
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn failures_to_connect_are_retried_for_get_only() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/"); // nothing listens there any more
    let clock = FakeClock::default();
    let client = client_with(&url, &clock);
    let err = client.users().get(1).send().unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err}");
    // Three retries within the 5-s window, not the ten of a busy server.
    assert_eq!(clock.sleeps(), [500, 1000, 2000].map(Duration::from_millis));
    let clock = FakeClock::default();
    client_with(&url, &clock)
        .scripts()
        .post_sql("n", "s", 1, 2)
        .send()
        .unwrap_err();
    assert!(clock.sleeps().is_empty(), "a POST is never sent twice");
}

#[test]
fn a_stalled_server_ends_in_a_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    // Accepts the connection (the kernel does) and never answers.
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(&url)
        .read_timeout(Duration::from_millis(200))
        .retry(Retry::none())
        .build()
        .unwrap();
    let err = client.users().get(1).send().unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err}");
    assert!(err.to_string().to_lowercase().contains("timeout"), "{err}");
    drop(listener);
}

#[test]
fn a_body_that_is_not_json_is_a_decode_error_naming_the_request() {
    let server = scripted_server([Scripted {
        body: "<html>oops</html>".into(),
        ..Scripted::status(200)
    }]);
    let err = client_with(server.url(), &FakeClock::default())
        .scripts()
        .get(7)
        .send()
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("GET /scripts/7") && text.contains("<html>oops</html>"),
        "{text}"
    );
}

#[test]
fn a_404_reads_like_civis_python() {
    let server = scripted_server([Scripted::json(
        404,
        r#"{"error": "not_found", "errorDescription": "The requested resource could not be found.", "code": 404}"#,
    )]);
    let err = client_with(server.url(), &FakeClock::default())
        .scripts()
        .get(7)
        .send()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "(404) The requested resource could not be found. (GET /scripts/7)"
    );
}

#[test]
fn a_401_carries_the_www_authenticate_text() {
    let server = scripted_server([
        Scripted::json(401, r#"{"errorDescription": "Unauthorized"}"#).header(
            "WWW-Authenticate",
            r#"Bearer realm="api", error="invalid_token""#,
        ),
    ]);
    let err = client_with(server.url(), &FakeClock::default())
        .users()
        .get_me()
        .send()
        .unwrap_err();
    assert!(matches!(err, Error::Unauthorized { .. }), "{err}");
    assert!(
        err.to_string().contains(r#"error="invalid_token""#),
        "{err}"
    );
}

#[test]
fn the_api_key_appears_in_no_output() {
    let server = scripted_server([
        Scripted::json(401, "{}").header("WWW-Authenticate", "Bearer"),
        Scripted::json(404, r#"{"errorDescription": "nope"}"#),
        Scripted {
            body: "not json".into(),
            ..Scripted::status(200)
        },
    ]);
    let clock = FakeClock::default();
    let client = client_with(server.url(), &clock);
    let mut outputs = vec![
        format!("{client:?}"),
        format!("{:?}", ApiClient::builder().api_key(KEY)),
    ];
    let errors = [
        client.users().get_me().send().unwrap_err(),
        client.users().get_me().send().unwrap_err(),
        client.users().get_me().send().unwrap_err(),
        client.call("users", "get_mee", json!({})).unwrap_err(),
    ];
    for err in &errors {
        outputs.push(err.to_string());
        outputs.push(format!("{err:?}"));
    }
    let closed = client_with("http://127.0.0.1:9/", &clock)
        .users()
        .get_me()
        .send()
        .unwrap_err();
    outputs.push(format!("{closed} {closed:?}"));
    for output in outputs {
        assert!(!output.contains(KEY), "the key leaked: {output}");
    }
}

#[test]
fn three_return_kinds_and_their_headers() {
    let body = r#"{"id": 3, "lastRunAt": "2026-11-01", "arguments": {"MY_VAR": 1}}"#;
    let server = scripted_server([ok(body)
        .header("X-RateLimit-Limit", "1000")
        .header("X-RateLimit-Remaining", "997")]);
    let client = client_with(server.url(), &FakeClock::default());

    let (typed, headers) = client.scripts().get(3).send_with_headers().unwrap();
    assert_eq!(typed.id, Some(3));
    assert_eq!(headers.rate_limit().unwrap().remaining, 997);

    let dynamic = client.call("scripts", "get", json!({"id": 3})).unwrap();
    assert_eq!(
        dynamic.json(),
        &json!({"id": 3, "last_run_at": "2026-11-01", "arguments": {"MY_VAR": 1}})
    );
    assert_eq!(dynamic.get("lastRunAt"), dynamic.get("last_run_at"));
    assert_eq!(dynamic.headers().rate_limit().unwrap().limit, 1000);

    let raw = client.scripts().get(3).send_raw().unwrap();
    assert_eq!(raw.status(), 200);
    assert_eq!(raw.body, body.as_bytes());
    assert_eq!(raw.headers.rate_limit().unwrap().remaining, 997);
}

fn page(items: std::ops::Range<i64>) -> String {
    serde_json::to_string(
        &items
            .map(|id| json!({"id": id, "name": format!("t{id}")}))
            .collect::<Vec<_>>(),
    )
    .unwrap()
}

#[test]
fn iterating_all_pages_stops_at_the_last_page_the_headers_name() {
    // The pages in the order they are asked for; the test checks below that they were.
    let server = scripted_server((1..=3).map(|page_num: i64| {
        Scripted::json(200, page((page_num - 1) * 2..(page_num * 2).min(5)))
            .header("X-Pagination-Current-Page", &page_num.to_string())
            .header("X-Pagination-Per-Page", "2")
            .header("X-Pagination-Total-Pages", "3")
            .header("X-Pagination-Total-Entries", "5")
    }));
    let client = client_with(server.url(), &FakeClock::default());
    let ids: Vec<i64> = client
        .tables()
        .list()
        .database_id(1)
        .limit(2)
        .page_num(9)
        .iter_all()
        .map(|t| t.unwrap().id.unwrap())
        .collect();
    assert_eq!(ids, [0, 1, 2, 3, 4]);
    let urls: Vec<String> = server.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(
        urls,
        [
            "/tables?database_id=1&limit=2&page_num=1",
            "/tables?database_id=1&limit=2&page_num=2",
            "/tables?database_id=1&limit=2&page_num=3",
        ]
    );
}

#[test]
fn iterating_all_pages_without_headers_stops_at_the_first_empty_page() {
    let server = scripted_server([
        Scripted::json(200, page(0..3)),
        Scripted::json(200, page(3..6)),
        Scripted::json(200, page(0..0)),
    ]);
    let client = client_with(server.url(), &FakeClock::default());
    let names: Vec<String> = client
        .tables()
        .list()
        .iter_all_dynamic()
        .map(|t| {
            t.unwrap()
                .get("name")
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["t0", "t1", "t2", "t3", "t4", "t5"]);
    assert_eq!(server.requests().len(), 3);
}

#[test]
fn an_error_ends_the_iteration() {
    let server = scripted_server([Scripted::json(200, page(0..2)), Scripted::json(404, "{}")]);
    let client = client_with(server.url(), &FakeClock::default());
    let results: Vec<_> = client.tables().list().iter_all().collect();
    assert_eq!(results.len(), 3);
    assert!(results[2].is_err());
}
