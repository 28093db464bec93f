//! A proxy of the environment (`HTTP_PROXY`) is never used for a loopback base URL: a
//! plain-http mock would otherwise send the key in cleartext to the proxy.
//!
//! A binary of its own, because it sets the environment of the process.

use std::net::TcpListener;
use std::time::Duration;

use civis::config::Retry;
use civis_mock::Scripted;
use civis_tests::all::ApiClient;
use civis_tests::scripted_server;

#[test]
fn loopback_traffic_never_goes_through_the_environments_proxy() {
    // A "proxy" that accepts connections but never answers, and says whether any came.
    let proxy = TcpListener::bind("127.0.0.1:0").unwrap();
    proxy.set_nonblocking(true).unwrap();
    let port = proxy.local_addr().unwrap().port();
    for name in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "NO_PROXY",
        "no_proxy",
        "http_proxy",
    ] {
        std::env::remove_var(name);
    }
    std::env::set_var("HTTP_PROXY", format!("http://127.0.0.1:{port}"));
    let server = scripted_server([Scripted::json(200, r#"{"id": 1}"#)]);
    let client = ApiClient::builder()
        .api_key("proxy-test-key-0123")
        .base_url(server.url())
        .retry(Retry::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    client.users().get_me().send().unwrap();
    assert_eq!(server.requests().len(), 1);
    let went_through = proxy.accept();
    assert!(
        matches!(&went_through, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "a connection reached the proxy: {went_through:?}"
    );
    std::env::remove_var("HTTP_PROXY");
}
