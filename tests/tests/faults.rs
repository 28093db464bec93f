//! The transport under faults, against real servers on loopback: redirects, a refused
//! connection, a keep-alive connection closed under a request, the overall time limit, huge
//! answers, plain HTTP beyond loopback, and lookups from many threads at once.

use std::net::TcpListener;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use civis::{config::Retry, Error};
use civis_mock::Scripted;
use civis_tests::all::ApiClient;
use civis_tests::logs::{self, logged, record_logs};
use civis_tests::{scripted_server, FakeClock};

const KEY: &str = "sekrit-api-key-123";

fn client(url: &str) -> ApiClient {
    ApiClient::builder()
        .api_key(KEY)
        .base_url(url)
        .build()
        .unwrap()
}

#[test]
fn a_redirect_is_an_error_for_every_verb_and_is_not_followed() {
    for status in [301, 302, 303, 307, 308] {
        let server = scripted_server([Scripted::json(status, "{}")
            .header("Location", "https://elsewhere.example/v2/scripts/sql")]);
        let client = client(server.url());
        let outcomes = [
            ("GET", client.scripts().get(7).send_raw().map(drop)),
            (
                "POST",
                client
                    .scripts()
                    .post_sql("n", "select 1", 1, 2)
                    .send_raw()
                    .map(drop),
            ),
            (
                "PUT",
                client
                    .scripts()
                    .put_sql(7, "n", "select 2", 1, 2)
                    .send_raw()
                    .map(drop),
            ),
            (
                "PATCH",
                client.scripts().patch_sql(7).name("x").send_raw().map(drop),
            ),
            (
                "DELETE",
                client
                    .scripts()
                    .delete_sql_projects(7, 9)
                    .send_raw()
                    .map(drop),
            ),
        ];
        for (verb, outcome) in outcomes {
            let error = outcome.expect_err(verb);
            assert!(
                matches!(&error, Error::Redirect { status: s, location, method, .. }
                    if *s == status && location == "https://elsewhere.example/v2/scripts/sql" && method == verb),
                "{verb} {status}: {error:?}"
            );
            let text = error.to_string();
            assert!(
                text.starts_with(&format!("({status}) redirected to https://elsewhere.example/v2/scripts/sql ({verb} /scripts/")),
                "{text}"
            );
        }
        // One request per call: nothing followed the redirect, nothing was repeated.
        assert_eq!(server.requests().len(), 5, "{status}");
    }
}

#[test]
fn a_refused_connection_fails_within_seconds_after_three_logged_retries() {
    record_logs();
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = client(&format!("http://127.0.0.1:{port}/"));
    let started = Instant::now();
    let error = client.users().get_me().send().unwrap_err();
    let took = started.elapsed();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    let retries = logged(log::Level::Warn, "GET /users/me could not connect");
    assert_eq!(retries.len(), 3, "{retries:?}");
    assert!(retries[0].contains("retrying in 0.5 s"), "{retries:?}");
    // Three waits of 0.5, 1 and 2 s; the issue allows 10 s of real time in all.
    assert!(took < Duration::from_secs(10), "{took:?}");

    // A POST is not retried: it might have reached a server on the way.
    let error = client
        .scripts()
        .post_sql("n", "s", 1, 2)
        .send()
        .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert!(logged(log::Level::Warn, "POST /scripts/sql could not connect").is_empty());
}

#[test]
fn a_get_whose_connection_closes_before_the_answer_is_sent_again_once() {
    record_logs();
    let server = scripted_server([
        Scripted::json(200, r#"{"id": 1}"#),
        Scripted::drop_connection(),
        Scripted::json(200, r#"{"id": 2}"#),
    ]);
    let client = client(server.url());
    assert_eq!(client.users().get(1).send().unwrap().id, Some(1));
    // The second GET goes out on the kept-alive connection, which closes under it.
    assert_eq!(client.users().get(2).send().unwrap().id, Some(2));
    assert_eq!(server.requests().len(), 3);
    assert_eq!(
        logged(
            log::Level::Warn,
            "GET /users/2 lost its connection before an answer"
        )
        .len(),
        1
    );
}

#[test]
fn a_get_whose_connections_keep_closing_is_sent_twice_at_most() {
    let server = scripted_server([Scripted::drop_connection()]);
    let error = client(server.url()).users().get(3).send().unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_post_whose_connection_closes_is_never_sent_twice() {
    let server = scripted_server([
        Scripted::json(200, "{}"),
        Scripted::drop_connection(),
        Scripted::json(200, "{}"),
    ]);
    let client = client(server.url());
    client
        .scripts()
        .post_sql("a", "s", 1, 2)
        .send_raw()
        .unwrap();
    let error = client
        .scripts()
        .post_sql("b", "s", 1, 2)
        .send_raw()
        .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn no_attempt_starts_after_the_time_limit_even_with_a_long_retry_after() {
    let server = scripted_server([Scripted::json(503, "{}").header("Retry-After", "599")]);
    let clock = FakeClock::default();
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .clock(clock.clone())
        .build()
        .unwrap();
    let error = client.users().get_me().send().unwrap_err();
    assert!(matches!(error, Error::Api { status: 503, .. }), "{error:?}");
    // Attempts at 0 s and 599 s; a third would start at 1,198 s, past the 600-s limit.
    assert_eq!(clock.sleeps(), [Duration::from_secs(599)]);
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn no_log_line_but_ureq_protos_trace_quotes_the_key() {
    record_logs();
    let server = scripted_server([
        Scripted::json(503, "{}"),
        Scripted::json(401, "{}").header("WWW-Authenticate", "Bearer"),
    ]);
    let clock = FakeClock::default();
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .clock(clock)
        .build()
        .unwrap();
    let error = client.users().get_me().send().unwrap_err();
    assert!(!error.to_string().contains(KEY) && !format!("{error:?}").contains(KEY));
    assert!(!format!("{client:?}").contains(KEY));
    // The request was logged (ureq's debug lines, our retry), and the key is in none of them.
    assert!(!logged(log::Level::Debug, "/users/me").is_empty());
    assert!(!logged(log::Level::Warn, "GET /users/me answered 503").is_empty());
    let leaks: Vec<_> = logs::all()
        .into_iter()
        .filter(|(_, text)| text.contains(KEY) && !text.starts_with("ureq_proto"))
        .collect();
    assert!(leaks.is_empty(), "{leaks:?}");
}

#[test]
fn a_huge_error_message_is_bounded_in_display_and_kept_whole() {
    let description = "x".repeat(5 * 1024 * 1024);
    let body = serde_json::json!({"error": "boom", "errorDescription": description, "code": 500});
    let server = scripted_server([Scripted::json(500, body.to_string())]);
    let error = client(server.url()).users().get_me().send().unwrap_err();
    let text = error.to_string();
    assert!(text.len() < 2_000, "{} bytes", text.len());
    assert!(
        text.ends_with("more characters) (GET /users/me)"),
        "{}",
        &text[text.len() - 80..]
    );
    match error {
        Error::Api { message, .. } => assert_eq!(message.len(), description.len()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_answer_past_the_size_limit_is_a_clear_error() {
    let server = scripted_server([Scripted::json(
        200,
        format!(r#"{{"name": "{}"}}"#, "y".repeat(4096)),
    )]);
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .max_response_size(1024)
        .build()
        .unwrap();
    let error = client.users().get_me().send().unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit: 1024, .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains(".max_response_size(..)"),
        "{error}"
    );
    // Within the limit, the same answer is read.
    let roomy = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .build()
        .unwrap();
    assert!(roomy.users().get_me().send().is_ok());
}

#[test]
fn plain_http_beyond_loopback_is_refused_before_anything_is_sent() {
    let error = ApiClient::builder()
        .api_key(KEY)
        .base_url("http://api.civis.example/")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    let text = error.to_string();
    assert!(
        text.contains("allow_insecure_http(true)") && !text.contains(KEY),
        "{text}"
    );
    // Told explicitly, the builder accepts it (and still sends nothing: no call is made here).
    assert!(ApiClient::builder()
        .api_key(KEY)
        .base_url("http://api.civis.example/")
        .allow_insecure_http(true)
        .build()
        .is_ok());
}

#[test]
fn the_mock_closes_a_dropped_connection_at_once() {
    let server = scripted_server([Scripted::drop_connection()]);
    // No read timeout is set: with the socket left open, this would wait 120 s for one.
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .retry(Retry::none())
        .build()
        .unwrap();
    let error = client
        .scripts()
        .delete_sql_projects(1, 2)
        .send()
        .unwrap_err();
    // ureq words an end of stream before the answer "Peer disconnected", a reset "reset";
    // a socket left open would end in a timeout instead.
    let text = error.to_string();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert!(
        (text.contains("Peer disconnected") || text.contains("reset")) && !text.contains("imeout"),
        "{text}"
    );
}

#[test]
fn threads_looking_up_one_name_at_once_make_one_request() {
    let server = civis_mock::MockServer::scripted().unwrap();
    server.script(
        "GET",
        "/databases",
        [
            Scripted::json(200, r#"[{"id": 32, "name": "redshift-general"}]"#)
                .delay(Duration::from_millis(200)),
        ],
    );
    let client = client(server.url());
    let start = Arc::new(Barrier::new(8));
    let ids: Vec<i64> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (client, start) = (client.clone(), start.clone());
                scope.spawn(move || {
                    start.wait();
                    client.get_database_id("redshift-general").unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(ids, [32; 8]);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn an_answer_announcing_more_than_the_limit_is_refused_on_its_header() {
    // A server that announces 10 GB and sends one byte, then holds the connection: reading the
    // body would wait for the timeout; the header alone says it is too large.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = std::io::Read::read(&mut stream, &mut request);
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{";
        std::io::Write::write_all(&mut stream, head.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_secs(3));
    });
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(format!("http://{address}"))
        .retry(Retry::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.users().get_me().send().unwrap_err();
    assert!(matches!(error, Error::ResponseTooLarge { .. }), "{error:?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    server.join().unwrap();
}

#[test]
fn a_retry_after_past_the_budget_and_a_401_without_challenge_say_what_happened() {
    let server = scripted_server([Scripted::json(429, "{}").header("Retry-After", "36000")]);
    let clock = FakeClock::default();
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .clock(clock.clone())
        .build()
        .unwrap();
    let error = client.users().get_me().send().unwrap_err();
    let text = error.to_string();
    assert!(text.starts_with("(429)"), "{text}");
    assert!(
        text.contains("the server asked to wait") && text.contains("Retry-After: 36000"),
        "{text}"
    );
    assert_eq!(
        server.requests().len(),
        1,
        "no wait of 10 h, no second attempt"
    );

    let server = scripted_server([Scripted::json(
        401,
        r#"{"error": "invalid_token", "errorDescription": "The access token is invalid", "code": 401}"#,
    )]);
    let error = client_for(&server).users().get_me().send().unwrap_err();
    assert_eq!(
        error.to_string(),
        "(401) the API key is expired or invalid: The access token is invalid (GET /users/me)"
    );
}

fn client_for(server: &civis_mock::MockServer) -> ApiClient {
    client(server.url())
}

#[test]
fn a_resumed_download_is_logged_at_info_with_its_offset() {
    record_logs();
    let mock = civis_mock::MockServer::scripted().unwrap();
    let client = civis::Client::builder()
        .api_key(KEY)
        .base_url(mock.url())
        .retry(Retry::none())
        .build()
        .unwrap();
    let bytes = vec![7u8; 100_000];
    let id = client
        .upload_bytes(bytes.clone(), "resumed.bin")
        .send()
        .unwrap();
    let target = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("logged-resume.bin");
    let _ = std::fs::remove_file(&target);
    mock.drop_download_once_after(40_000);
    let error = client.download_file(id).to_path(&target).unwrap_err();
    assert!(
        error
            .to_string()
            .contains(".logged-resume.bin.civis-partial"),
        "{error}"
    );
    client.download_file(id).to_path(&target).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), bytes);
    let resumed = logged(
        log::Level::Info,
        &format!("the download of file {id} resumes at byte 40000"),
    );
    assert_eq!(resumed.len(), 1, "{:?}", logs::all());
}
