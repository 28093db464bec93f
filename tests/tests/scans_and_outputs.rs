//! Issue 35's table scans and run outputs, against the mock over real HTTP: `scan_table`,
//! imports that scan the table they make, outputs added to a run (`run_of`, `current_run`),
//! and `run.output_file(glob)` read as `read_csv_file` reads a file.

use std::path::{Path, PathBuf};

use civis::{Client, Error};
use civis_mock::{MockJob, MockRows, MockServer};
use civis_tests::posts;
use serde_json::json;

const DB: i64 = 32;

fn setup() -> (MockServer, Client) {
    civis_tests::mock_with_database(DB, "redshift-general", "scans-test-key")
}

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("civis-scans-and-outputs");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn scan_table_makes_a_table_the_api_did_not_know_known_with_its_columns() {
    let (mock, client) = setup();
    let columns = [("id", "INTEGER NOT NULL"), ("name", "VARCHAR(20)")];
    mock.typed_table(
        DB,
        "crm.fresh",
        &columns,
        MockRows::new(["id", "name"]).row([Some("1"), Some("Ada")]),
    )
    .unwrap();
    mock.unscanned_table(DB, "crm.fresh").unwrap();
    assert!(matches!(
        client.table_columns("crm.fresh", DB),
        Err(Error::NotFound(_))
    ));

    let table = client.scan_table("redshift-general", "crm.fresh").unwrap();
    assert_eq!((table.database_id, table.schema.as_str()), (DB, "crm"));
    let described: Vec<(&str, &str)> = table
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.sql_type.as_str()))
        .collect();
    assert_eq!(described, [("id", "INTEGER"), ("name", "VARCHAR(20)")]);
    assert_eq!(client.get_table_id("crm.fresh", DB).unwrap(), table.id);
    // civis-python's snake_case body, and the API's default statistics priority.
    assert_eq!(
        posts(&mock, "/tables/scan"),
        [
            json!({"database_id": DB, "schema": "crm", "table_name": "fresh", "stats_priority": "flag"})
        ]
    );
}

#[test]
fn scan_table_of_a_missing_table_fails_with_the_scans_error_and_needs_a_schema() {
    let (_mock, client) = setup();
    match client.scan_table(DB, "crm.nothing") {
        Err(Error::JobFailed { message, .. }) => {
            assert!(message.contains("crm.nothing"), "{message}")
        }
        other => panic!("expected the scan's failure, got {other:?}"),
    }
    assert!(matches!(
        client.scan_table(DB, "no_schema"),
        Err(Error::Usage(_))
    ));
}

#[test]
fn an_import_scans_the_table_it_makes_unless_told_not_to_and_an_append_scans_nothing() {
    let (mock, client) = setup();
    let path = scratch("scores.csv", "id,score\n1,2.5\n2,3.5\n");
    client
        .import_csv(&path, DB, "crm.scores")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    let columns = client.table_columns("crm.scores", DB).unwrap();
    assert_eq!(columns.len(), 2, "{columns:?}");
    assert_eq!(posts(&mock, "/tables/scan").len(), 1);

    // Into a table that exists: its columns are known already.
    client
        .import_csv(&path, DB, "crm.scores")
        .existing_rows(civis::tables::ExistingRows::Append)
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(posts(&mock, "/tables/scan").len(), 1);

    client
        .import_csv(&path, DB, "crm.unscanned")
        .scan(false)
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(posts(&mock, "/tables/scan").len(), 1);
    // The rows are in the database, but the API does not know the table.
    assert!(matches!(
        client.table_columns("crm.unscanned", DB),
        Err(Error::NotFound(_))
    ));
    assert_eq!(mock.table_rows(DB, "crm.unscanned").unwrap().rows.len(), 2);
    client.scan_table(DB, "crm.unscanned").unwrap();
    assert_eq!(client.table_columns("crm.unscanned", DB).unwrap().len(), 2);
}

#[test]
fn outputs_added_to_a_container_scripts_run_are_listed_on_it() {
    let (mock, client) = setup();
    mock.job(42, MockJob::succeeds_after(1));
    let run = client.run_job(42).unwrap();
    let file = client
        .upload_reader(&b"a\n1\n"[..], "given.csv")
        .send()
        .unwrap();

    let current = client.run_of(42, run.run_id());
    current.add_output_file(file).unwrap();
    let path = scratch("report.csv", "x\n9\n");
    let uploaded = current.add_output_path(&path).unwrap();
    let value = current
        .add_output_json("summary", &json!({"rows": 2}))
        .unwrap();

    let outputs: Vec<(String, String, i64)> = run
        .outputs()
        .unwrap()
        .into_iter()
        .map(|o| (o.object_type, o.name, o.object_id))
        .collect();
    assert_eq!(
        outputs,
        [
            ("File".into(), "given.csv".into(), file),
            ("File".into(), "report.csv".into(), uploaded),
            ("JSONValue".into(), "summary".into(), value),
        ]
    );
    assert_eq!(
        run.outputs().unwrap()[2].value,
        Some(json!({"rows": 2})),
        "the JSON value's value is listed with it"
    );
    let path = format!("/scripts/containers/42/runs/{}/outputs", run.run_id());
    assert_eq!(
        posts(&mock, &path)[0],
        json!({"object_type": "File", "object_id": file})
    );
    // The job's kind is read once.
    let job_reads = mock
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.url == "/jobs/42")
        .count();
    assert_eq!(job_reads, 1);
}

#[test]
fn each_kind_of_script_takes_outputs_under_its_own_path_and_other_jobs_are_refused() {
    let (mock, client) = setup();
    let file = client.upload_reader(&b"a\n"[..], "a.csv").send().unwrap();
    mock.job(
        43,
        MockJob::succeeds_after(1).job_type("JobTypes::PythonDocker"),
    );
    let python = client.run_job(43).unwrap();
    client
        .run_of(43, python.run_id())
        .add_output_file(file)
        .unwrap();
    let path = format!("/scripts/python3/43/runs/{}/outputs", python.run_id());
    assert_eq!(posts(&mock, &path).len(), 1);

    mock.template(9, MockJob::succeeds_after(1));
    let custom = client.run_template(9, json!({})).unwrap();
    client
        .run_of(custom.job_id(), custom.run_id())
        .add_output_file(file)
        .unwrap();
    let path = format!(
        "/scripts/custom/{}/runs/{}/outputs",
        custom.job_id(),
        custom.run_id()
    );
    assert_eq!(posts(&mock, &path).len(), 1);
    assert_eq!(custom.outputs().unwrap()[0].object_id, file);

    mock.job(
        44,
        MockJob::succeeds_after(1).job_type("JobTypes::SqlRunner"),
    );
    let sql = client.run_job(44).unwrap();
    match client.run_of(44, sql.run_id()).add_output_file(file) {
        Err(Error::Usage(message)) => assert!(message.contains("SqlRunner"), "{message}"),
        other => panic!("expected a usage error, got {other:?}"),
    }
}

#[test]
fn output_file_reads_the_first_file_output_matching_a_glob_or_names_those_it_saw() {
    let (mock, client) = setup();
    let log = client
        .upload_reader(&b"not csv"[..], "log.txt")
        .send()
        .unwrap();
    let scores = client
        .upload_reader(&b"id,score\n1,2.5\n2,3.5\n"[..], "scores-2026.csv")
        .send()
        .unwrap();
    mock.job(
        45,
        MockJob::succeeds_after(1)
            .output("log.txt", "File", log)
            .json_output("summary", 5, json!({"rows": 2}))
            .output("scores-2026.csv", "File", scores),
    );
    let run = client.run_job(45).unwrap();
    run.wait().unwrap();
    let records: Vec<Vec<String>> = run
        .output_file("scores-????.csv")
        .unwrap()
        .rows()
        .unwrap()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(records, [["id", "score"], ["1", "2.5"], ["2", "3.5"]]);

    match run.output_file("*.parquet") {
        Err(Error::NotFound(message)) => {
            assert!(message.contains("\"*.parquet\""), "{message}");
            assert!(
                message.contains("\"log.txt\"") && message.contains("\"scores-2026.csv\""),
                "{message}"
            );
            assert!(!message.contains("summary"), "only files: {message}");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
}
