//! `civis sql` and `civis tables import` run as a user runs them, against the mock's small
//! database. The program waits on the real clock, about two seconds per run.

use std::path::PathBuf;

use civis_mock::{MockRows, MockServer};

use crate::support;
use support::civis_with_stdin as civis;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    support::scratch("civis-cli-sql", name)
}

fn mock() -> MockServer {
    let mock = MockServer::scripted().unwrap();
    mock.database(32, "redshift-general");
    mock.default_database_credential(5);
    mock.sql_returns(
        "select id, name from people",
        MockRows::new(["id", "name"])
            .row([Some("1"), Some("Ada")])
            .row([Some("200"), None])
            .row([Some("3"), Some("Grace")]),
    );
    mock
}

#[test]
fn sql_prints_a_preview_table_as_civis_python_does() {
    let mock = mock();
    let output = civis(
        &mock,
        &[
            "sql",
            "-d",
            "redshift-general",
            "-c",
            "select id, name from people",
            "-n",
            "2",
        ],
        "",
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "id  | name\n----------\n  1 |  Ada\n200 |     \n"
    );
    let query = mock
        .requests()
        .into_iter()
        .find(|r| r.method == "POST" && r.url == "/queries")
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(query["preview_rows"], 2);
    assert_eq!(query["database"], 32);
}

#[test]
fn sql_reads_the_statement_from_a_file_or_standard_input() {
    let mock = mock();
    let file = scratch("query.sql");
    std::fs::write(&file, "select id, name\nfrom people;\n").unwrap();
    let from_file = civis(
        &mock,
        &["sql", "-d", "32", "-f", file.to_str().unwrap()],
        "",
    );
    assert!(from_file.status.success(), "{}", text(&from_file.stderr));
    let from_stdin = civis(&mock, &["sql", "-d", "32"], "select id, name from people");
    assert!(from_stdin.status.success(), "{}", text(&from_stdin.stderr));
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert!(text(&from_stdin.stdout).contains("  3 | Grace"));

    let empty = civis(&mock, &["sql", "-d", "32"], "  \n");
    assert_eq!(empty.status.code(), Some(2), "{}", text(&empty.stderr));
}

#[test]
fn sql_with_output_exports_the_whole_result() {
    let mock = mock();
    let out = scratch("people.csv");
    let output = civis(
        &mock,
        &[
            "sql",
            "-d",
            "redshift-general",
            "-c",
            "select id, name from people",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "id,name\n1,Ada\n200,\n3,Grace\n"
    );
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).contains("Downloaded the result of the query to"));
}

#[test]
fn sql_with_a_failing_statement_exits_with_the_runs_error() {
    let mock = mock();
    mock.sql_fails("selec 1", "syntax error at or near \"selec\"");
    let output = civis(&mock, &["sql", "-d", "32", "-c", "selec 1"], "");
    assert_eq!(output.status.code(), Some(3));
    assert!(
        text(&output.stderr).contains("syntax error at or near \"selec\""),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn tables_import_loads_a_csv_file_and_appends_on_request() {
    let mock = mock();
    let file = scratch("import.csv");
    std::fs::write(&file, "id,city\n1,Oslo\n2,\"Washington, D.C.\"\n").unwrap();
    let args = [
        "tables",
        "import",
        file.to_str().unwrap(),
        "redshift-general",
        "geo.cities",
    ];
    let first = civis(&mock, &args, "");
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).starts_with("Imported into geo.cities"));
    let rows = mock.table_rows(32, "geo.cities").unwrap();
    assert_eq!(rows.columns, ["id", "city"]);
    assert_eq!(rows.rows.len(), 2);
    assert_eq!(rows.rows[1][1].as_deref(), Some("Washington, D.C."));

    let again = civis(&mock, &args, "");
    assert_eq!(again.status.code(), Some(3), "{}", text(&again.stderr));
    let mut append = args.to_vec();
    append.extend(["--existing-rows", "append"]);
    let appended = civis(&mock, &append, "");
    assert!(appended.status.success(), "{}", text(&appended.stderr));
    assert_eq!(mock.table_rows(32, "geo.cities").unwrap().rows.len(), 4);
}

#[test]
fn a_truncated_gzip_export_fails_sql_o_and_leaves_no_file() {
    let mock = mock();
    let client = civis::ApiClient::builder()
        .api_key("k")
        .base_url(mock.url())
        .build()
        .unwrap();
    let mut csv = String::new();
    for i in 0..20_000 {
        csv.push_str(&format!("{i},row {i}\n"));
    }
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gzip, csv.as_bytes()).unwrap();
    let whole = gzip.finish().unwrap();
    let cut = client
        .upload_bytes(whole[..whole.len() / 2].to_vec(), "export.csv.gz")
        .send()
        .unwrap();
    let run = serde_json::json!({"id": 9, "state": "succeeded",
        "output": [{"outputName": "export.csv.gz", "fileId": cut, "path": ""}]});
    mock.script(
        "GET",
        "/scripts/sql/{id}/runs/{run_id}",
        [civis_mock::Scripted::json(200, run.to_string())],
    );
    let out = scratch("truncated.csv.gz");
    let _ = std::fs::remove_file(&out);
    let output = civis(
        &mock,
        &[
            "sql",
            "-d",
            "32",
            "-c",
            "select id, name from people",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    // A transfer that failed: "anything else", not a failed job.
    assert_eq!(output.status.code(), Some(5), "{}", text(&output.stderr));
    assert!(!out.exists());
    assert!(
        text(&output.stderr).contains(&format!("file {cut}")),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn sql_read_only_refuses_anything_but_a_select_before_any_request() {
    let mock = mock();
    let output = civis(
        &mock,
        &[
            "sql",
            "-d",
            "redshift-general",
            "--read-only",
            "-c",
            "drop table people",
        ],
        "",
    );
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("a DROP TABLE statement"), "{stderr}");
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
}
