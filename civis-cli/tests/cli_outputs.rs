//! `civis tables scan` and `civis outputs add` run as a user runs them, against the mock. The
//! program polls the scan's run every 10 ms (`CIVIS_POLL_INTERVAL`), and `outputs add` waits
//! on nothing.

use std::process::{Command, Output, Stdio};

use civis_mock::{MockJob, MockRows, MockServer};
use serde_json::{json, Value};

use crate::support;
use support::{stderr, stdout};

/// The `civis` program pointed at `mock`, run with `args` and the extra environment `env`.
fn civis(mock: &MockServer, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(args)
        .env("CIVIS_API_KEY", "cli-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .env("CIVIS_POLL_INTERVAL", "0.01")
        .env_remove("CIVIS_JOB_ID")
        .env_remove("CIVIS_RUN_ID")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("the civis binary runs")
}

fn json_of(output: &Output) -> Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_str(&stdout(output)).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

fn client(mock: &MockServer) -> civis::Client {
    civis::Client::builder()
        .api_key("test-key")
        .base_url(mock.url())
        .build()
        .unwrap()
}

#[test]
fn tables_scan_makes_the_table_known_and_prints_its_columns() {
    let mock = MockServer::scripted().unwrap();
    mock.database(32, "redshift-general");
    mock.typed_table(
        32,
        "geo.cities",
        &[("id", "INTEGER")],
        MockRows::new(["id"]),
    )
    .unwrap();
    mock.unscanned_table(32, "geo.cities").unwrap();
    let scanned = json_of(&civis(
        &mock,
        &["tables", "scan", "-d", "redshift-general", "geo.cities"],
        &[],
    ));
    assert_eq!(
        scanned["columns"],
        json!([{"name": "id", "sql_type": "INTEGER"}])
    );
    assert_eq!(
        client(&mock).get_table_id("geo.cities", 32).unwrap(),
        scanned["id"].as_i64().unwrap()
    );

    let missing = civis(&mock, &["tables", "scan", "-d", "32", "geo.nothing"], &[]);
    assert_eq!(missing.status.code(), Some(3), "{}", stderr(&missing));
}

#[test]
fn outputs_add_attaches_a_file_an_upload_or_a_json_value_to_the_current_run() {
    let mock = MockServer::scripted().unwrap();
    mock.job(42, MockJob::succeeds_after(1));
    let client = client(&mock);
    let run = client.run_job(42).unwrap();
    let run_id = run.run_id().to_string();
    let inside = [("CIVIS_JOB_ID", "42"), ("CIVIS_RUN_ID", run_id.as_str())];
    let file = client
        .upload_reader(&b"a\n"[..], "given.csv")
        .send()
        .unwrap();

    let added = json_of(&civis(
        &mock,
        &["outputs", "add", &file.to_string()],
        &inside,
    ));
    assert_eq!(
        (added["object_type"].as_str(), added["object_id"].as_i64()),
        (Some("File"), Some(file))
    );
    let path = support::scratch("civis-cli-outputs", "report.csv");
    std::fs::write(&path, "x\n1\n").unwrap();
    let uploaded = json_of(&civis(
        &mock,
        &["outputs", "add", "--path", path.to_str().unwrap()],
        &inside,
    ));
    // Named explicitly rather than from the environment.
    let valued = json_of(&civis(
        &mock,
        &[
            "outputs",
            "add",
            "--json",
            "rows=[1, 2]",
            "--job",
            "42",
            "--run",
            &run_id,
        ],
        &[],
    ));
    assert_eq!(valued["value"], json!([1, 2]));

    let outputs: Vec<(String, String)> = run
        .outputs()
        .unwrap()
        .into_iter()
        .map(|o| (o.object_type, o.name))
        .collect();
    assert_eq!(
        outputs,
        [
            ("File".into(), "given.csv".into()),
            ("File".into(), "report.csv".into()),
            ("JSONValue".into(), "rows".into()),
        ]
    );
    assert_eq!(
        run.outputs().unwrap()[1].object_id,
        uploaded["object_id"].as_i64().unwrap()
    );

    // Outside Civis, with no run named: a usage error that says how to name one.
    let outside = civis(&mock, &["outputs", "add", &file.to_string()], &[]);
    assert_eq!(outside.status.code(), Some(2), "{}", stderr(&outside));
    assert!(stderr(&outside).contains("--job"), "{}", stderr(&outside));
}
