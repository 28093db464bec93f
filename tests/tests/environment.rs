//! Configuration from the environment, as civis-python reads it: `CIVIS_API_KEY`,
//! `CIVIS_API_ENDPOINT`, and the job and run ids that Civis sets inside its containers.
//!
//! One test, because the environment is shared by every thread of this test binary.

use civis::Error;
use civis_mock::Scripted;
use civis_tests::all::ApiClient;
use civis_tests::scripted_server;

#[test]
fn the_environment_configures_the_client() {
    let server = scripted_server([Scripted::json(200, r#"{"id": 1}"#)]);
    std::env::remove_var("CIVIS_API_KEY");
    let err = ApiClient::new().unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    assert!(err.to_string().contains("CIVIS_API_KEY"), "{err}");

    std::env::set_var("CIVIS_API_KEY", "env-key");
    std::env::set_var("CIVIS_API_ENDPOINT", server.url().trim_end_matches('/'));
    std::env::set_var("CIVIS_JOB_ID", "12");
    std::env::set_var("CIVIS_RUN_ID", "34");
    let client = ApiClient::new().unwrap();
    assert_eq!(client.base_url(), server.url(), "a trailing / is added");
    client.users().get_me().send().unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("authorization"), Some("Bearer env-key"));
    assert_eq!(request.header("x-civis-job-id"), Some("12"));
    assert_eq!(request.header("x-civis-run-id"), Some("34"));
    // Inside Civis, the run the program is part of is the one the environment names.
    let current = client
        .current_run()
        .expect("CIVIS_JOB_ID and CIVIS_RUN_ID are set");
    assert_eq!((current.job_id(), current.run_id()), (12, 34));

    // The builder's settings win over the environment.
    let other = ApiClient::builder()
        .api_key("given")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    assert_eq!(other.base_url(), "http://127.0.0.1:9/");

    std::env::set_var("CIVIS_API_ENDPOINT", "ftp://example");
    assert!(matches!(ApiClient::new(), Err(Error::Config(_))));
    for name in [
        "CIVIS_API_KEY",
        "CIVIS_API_ENDPOINT",
        "CIVIS_JOB_ID",
        "CIVIS_RUN_ID",
    ] {
        std::env::remove_var(name);
    }
    // Outside Civis there is no current run.
    let outside = ApiClient::builder().api_key("k").build().unwrap();
    assert!(outside.current_run().is_none());
    assert_eq!(
        ApiClient::builder()
            .api_key("k")
            .build()
            .unwrap()
            .base_url(),
        civis::config::DEFAULT_API_ENDPOINT
    );
}
