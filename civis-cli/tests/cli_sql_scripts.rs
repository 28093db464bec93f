//! `civis sql --script ID`, `civis sql --unload DIR` and `civis sql` without `-d`, run as a user
//! runs them against the mock. The program waits on the real clock, about two seconds per run.

use std::process::{Command, Output, Stdio};

use civis_mock::{MockRows, MockServer};
use serde_json::json;

use crate::support::{self, civis, stderr, stdout};

fn mock() -> MockServer {
    let mock = MockServer::scripted().unwrap();
    mock.database(32, "redshift-general");
    mock.default_database_credential(5);
    mock.sql_returns(
        "select id, name from people where id > 1",
        MockRows::new(["id", "name"])
            .row([Some("2"), Some("Ada")])
            .row([Some("3"), Some("Grace")]),
    );
    mock
}

/// `civis args..` with `CIVIS_DATABASE` set to `database`.
fn civis_with_database(mock: &MockServer, args: &[&str], database: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(args)
        .env("CIVIS_API_KEY", "cli-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .env("CIVIS_DATABASE", database)
        .stdin(Stdio::null())
        .output()
        .expect("the civis binary runs")
}

#[test]
fn sql_script_writes_a_saved_scripts_result_with_its_arguments() {
    let mock = mock();
    let script = mock
        .sql_script(json!({
            "remote_host_id": 32,
            "sql": "select id, name from people where id > {{least}}",
            "params": [{"name": "least", "type": "integer", "default": 0}],
        }))
        .unwrap();
    let id = script.to_string();
    let out = support::scratch("civis-cli-sql-scripts", "script.csv");
    let output = civis(
        &mock,
        &[
            "sql",
            "--script",
            &id,
            "--arg",
            "least=1",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "id,name\n2,Ada\n3,Grace\n"
    );
    let to_stdout = civis(&mock, &["sql", "-q", "--script", &id, "--arg", "least=1"]);
    assert!(to_stdout.status.success(), "{}", stderr(&to_stdout));
    assert_eq!(stdout(&to_stdout), "id,name\n2,Ada\n3,Grace\n");
    let made: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.url == "/scripts/sql")
        .map(|r| r.json().unwrap())
        .collect();
    assert_eq!(made[0]["arguments"], json!({"least": 1}));
    let bad = civis(&mock, &["sql", "--script", &id, "--arg", "least"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("NAME=VALUE"), "{}", stderr(&bad));
}

#[test]
fn sql_unload_downloads_every_part_and_the_manifest() {
    let mock = mock();
    let dir = support::scratch("civis-cli-sql-scripts", "unloaded");
    let _ = std::fs::remove_dir_all(&dir);
    let output = civis(
        &mock,
        &[
            "sql",
            "-d",
            "32",
            "-c",
            "select id, name from people where id > 1",
            "--unload",
            dir.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest: civis::sql::UnloadManifest =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let mut rows = 0;
    for entry in &manifest.entries {
        rows += std::fs::read(dir.join(&entry.name))
            .map(|b| b.len())
            .unwrap() as u64;
    }
    assert_eq!(rows, manifest.entries.iter().map(|e| e.size).sum::<u64>());
    assert!(
        stderr(&output).contains("manifest.json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn sql_without_d_uses_civis_database_or_the_only_visible_one() {
    let mock = mock();
    let args = ["sql", "-c", "select id, name from people where id > 1"];
    let only = civis(&mock, &args);
    assert!(only.status.success(), "{}", stderr(&only));
    assert!(stdout(&only).contains("Grace"), "{}", stdout(&only));
    mock.database(33, "redshift-research");
    let several = civis(&mock, &args);
    assert!(!several.status.success());
    assert!(
        stderr(&several).contains("redshift-research (id 33)")
            && stderr(&several).contains("CIVIS_DATABASE"),
        "{}",
        stderr(&several)
    );
    let set = civis_with_database(&mock, &args, "redshift-general");
    assert!(set.status.success(), "{}", stderr(&set));
    // Digits are an id.
    let by_id = civis_with_database(&mock, &args, "33");
    assert!(by_id.status.success(), "{}", stderr(&by_id));
    let queries: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.url == "/queries")
        .map(|r| r.json().unwrap())
        .collect();
    let databases: Vec<_> = queries.iter().map(|q| q["database"].clone()).collect();
    assert_eq!(databases, [json!(32), json!(32), json!(33)]);
}
