//! A fan-out from a program that itself runs inside Civis passes its job and run ids to the
//! runs it makes, as civis-python's executors do. Its own test binary: it sets `CIVIS_JOB_ID`
//! and `CIVIS_RUN_ID`, which no other test may see.

use civis::Client;
use civis_mock::{MockJob, MockServer};
use civis_tests::FakeClock;
use serde_json::json;

#[test]
fn the_parent_job_and_run_ids_reach_every_run_of_a_fan_out() {
    std::env::set_var("CIVIS_JOB_ID", "12");
    std::env::set_var("CIVIS_RUN_ID", "40");
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.template(9, MockJob::succeeds_after(1));
    let client = Client::builder()
        .api_key("parent-key")
        .base_url(mock.url())
        .clock(FakeClock::default())
        .build()
        .unwrap();
    let outcomes = client
        .custom_script(9, json!({"BASE": 1}))
        .fan_out([
            json!({"N": 0}),
            json!({"N": 1, "CIVIS_PARENT_JOB_ID": "user's"}),
        ])
        .wait_all();
    assert!(outcomes.iter().all(|o| o.outcome.is_ok()));
    // civis-python's submit: arguments.update({"CIVIS_PARENT_JOB_ID": os.getenv("CIVIS_JOB_ID"),
    // "CIVIS_PARENT_RUN_ID": os.getenv("CIVIS_RUN_ID")}), after the caller's.
    assert_eq!(
        mock.template_arguments(9),
        [
            json!({"BASE": 1, "N": 0, "CIVIS_PARENT_JOB_ID": "12", "CIVIS_PARENT_RUN_ID": "40"}),
            json!({"BASE": 1, "N": 1, "CIVIS_PARENT_JOB_ID": "12", "CIVIS_PARENT_RUN_ID": "40"}),
        ]
    );
}
