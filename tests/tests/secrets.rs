//! Secrets, against the mock over real HTTP: an answer that echoes the key is quoted with the
//! key masked, and a key that cannot be sent is refused before anything is.

use civis::{config::Retry, Error};
use civis_mock::Scripted;
use civis_tests::all::ApiClient;
use civis_tests::{scripted_server, FakeClock};

const KEY: &str = "a1b2c3d4e5f60718-secrets-test-key";

#[test]
fn an_answer_that_echoes_the_key_is_quoted_with_the_key_masked() {
    let server = scripted_server([
        Scripted::json(
            400,
            format!(r#"{{"errorDescription": "bad header Authorization: Bearer {KEY}"}}"#),
        ),
        Scripted::json(500, format!("<pre>Authorization: Bearer {KEY}</pre>")),
        Scripted::json(
            401,
            format!(r#"{{"errorDescription": "key {KEY} expired"}}"#),
        ),
        Scripted::json(200, format!(r#"{{"id": 1, "echo": Bearer {KEY}"#)),
    ]);
    let client = ApiClient::builder()
        .api_key(KEY)
        .base_url(server.url())
        .retry(Retry::none())
        .clock(FakeClock::default())
        .build()
        .unwrap();
    for expected in ["(400)", "(500)", "(401)", "could not decode"] {
        let error = client.users().get_me().send().unwrap_err();
        for shown in [error.to_string(), format!("{error:?}")] {
            assert!(shown.contains(expected), "{shown}");
            assert!(!shown.contains(KEY), "the key is shown: {shown}");
            assert!(shown.contains("<API key redacted>"), "{shown}");
        }
    }
}

#[test]
fn a_key_with_a_newline_or_non_ascii_is_refused_when_the_client_is_built() {
    let server = scripted_server([Scripted::json(200, r#"{"id": 1}"#)]);
    for (key, said) in [
        ("a1b2c3d4e5f6\n", "a line break"),
        ("a1b2c3\u{1}d4e5f6", "a control character"),
        ("a1b2c3d4e5f6\u{2019}", "a non-ASCII character"),
        (" ", "is blank"),
    ] {
        let error = ApiClient::builder()
            .api_key(key)
            .base_url(server.url())
            .build()
            .map(drop)
            .unwrap_err();
        let shown = error.to_string();
        assert!(matches!(error, Error::Config(_)), "{shown}");
        assert!(shown.contains(said), "{key:?}: {shown}");
        assert!(!shown.contains("a1b2c3"), "the key is echoed: {shown}");
    }
    assert!(server.requests().is_empty());
}
