//! Issue 35's SQL parts against the mock over real HTTP: saved SQL scripts run with their
//! parameters overridden and read as `client.sql(..)` reads, the client's default database
//! (set, or the only one visible, or an error listing several), and every part of a multifile
//! export downloaded into a folder with its manifest.

use std::path::{Path, PathBuf};

use civis::{sql::MANIFEST_FILE_NAME, Client, Error};
use civis_mock::{MockRows, MockServer};
use civis_tests::{posts, FakeClock};
use serde_json::{json, Value};

const DB: i64 = 32;

fn mock() -> MockServer {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, "redshift-general");
    mock.default_database_credential(4321);
    mock
}

fn client(mock: &MockServer, default_database: Option<&str>) -> Client {
    let mut builder = Client::builder()
        .api_key("sql-scripts-key")
        .base_url(mock.url())
        .clock(FakeClock::default());
    if let Some(database) = default_database {
        builder = builder.default_database(database);
    }
    builder.build().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("civis-sql-scripts-test");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_dir_all(&path);
    let _ = std::fs::remove_file(&path);
    path
}

fn records(rows: civis::sql::Rows) -> Vec<Vec<String>> {
    rows.map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn count(mock: &MockServer, method: &str, path: &str) -> usize {
    mock.requests()
        .iter()
        .filter(|r| r.method == method && r.url == path)
        .count()
}

/// A saved script selecting the people of a region, older than a least age (default 30).
fn saved_script(mock: &MockServer) -> i64 {
    mock.sql_returns(
        "select name from people where region = 'north' and age > 30",
        MockRows::new(["name"])
            .row([Some("Ada")])
            .row([Some("Grace")]),
    );
    mock.sql_returns(
        "select name from people where region = 'north' and age > 40",
        MockRows::new(["name"]).row([Some("Grace")]),
    );
    mock.sql_script(json!({
        "name": "people by region",
        "remote_host_id": DB,
        "credential_id": 77,
        "sql": "select name from people where region = '{{region}}' and age > {{least}}",
        "params": [
            {"name": "region", "type": "string"},
            {"name": "least", "type": "integer", "default": 30},
        ],
        "arguments": {"region": "north"},
        "csv_settings": {"column_delimiter": "pipe", "compression": "none"},
    }))
    .unwrap()
}

#[test]
fn a_saved_script_runs_with_an_argument_overridden_and_is_never_changed() {
    let mock = mock();
    let client = client(&mock, None);
    let script = saved_script(&mock);
    let rows = client.sql_script(script).arg("least", "40").rows().unwrap();
    assert_eq!(records(rows), [["name"], ["Grace"]]);
    // With its saved values.
    let rows = client.sql_script(script).rows().unwrap();
    assert_eq!(records(rows), [["name"], ["Ada"], ["Grace"]]);

    let made = posts(&mock, "/scripts/sql");
    assert_eq!(made.len(), 2, "one export script a run");
    assert_eq!(
        made[0]["sql"],
        "select name from people where region = '{{region}}' and age > {{least}}"
    );
    // The saved arguments, the override typed as its parameter's type, the saved database and
    // credential, and the builder's CSV settings rather than the script's.
    assert_eq!(
        made[0]["arguments"],
        json!({"region": "north", "least": 40})
    );
    assert_eq!(made[0]["remote_host_id"], DB);
    assert_eq!(made[0]["credential_id"], 77);
    assert_eq!(made[0]["hidden"], true);
    assert_eq!(made[0]["csv_settings"]["compression"], "gzip");
    assert_eq!(made[1]["arguments"], json!({"region": "north"}));
    // Read once a run; never patched, replaced or run itself.
    assert_eq!(count(&mock, "GET", &format!("/scripts/sql/{script}")), 2);
    assert!(mock.requests().iter().all(|r| {
        !(r.url.starts_with(&format!("/scripts/sql/{script}"))
            && ["PATCH", "PUT", "POST"].contains(&r.method.as_str()))
    }));
    // No user's default credential was looked up: the script has its own.
    let credentials = mock
        .requests()
        .iter()
        .filter(|r| r.url.starts_with("/credentials"))
        .count();
    assert_eq!(credentials, 0);
}

#[test]
fn a_saved_script_whose_settings_are_those_asked_for_runs_itself() {
    let mock = mock();
    let client = client(&mock, None);
    mock.sql_returns("select 1 as one", MockRows::new(["one"]).row([Some("1")]));
    // The API's default CSV settings: gzip, comma, a header, as rows() asks.
    let script = mock
        .sql_script(json!({"remote_host_id": DB, "sql": "select 1 as one", "credential_id": 77}))
        .unwrap();
    let rows = client.sql_script(script).rows().unwrap();
    assert_eq!(records(rows), [["one"], ["1"]]);
    assert!(posts(&mock, "/scripts/sql").is_empty(), "no copy made");
    assert_eq!(
        posts(&mock, &format!("/scripts/sql/{script}/runs")).len(),
        1
    );
    // Another delimiter than the saved one, or a credential of its own: a copy runs.
    client.sql_script(script).delimiter('|').rows().unwrap();
    client.sql_script(script).credential(5).rows().unwrap();
    let made = posts(&mock, "/scripts/sql");
    assert_eq!(made.len(), 2);
    assert_eq!(made[0]["csv_settings"]["column_delimiter"], "pipe");
    assert_eq!(made[1]["credential_id"], 5);
    assert_eq!(
        posts(&mock, &format!("/scripts/sql/{script}/runs")).len(),
        1
    );
}

#[test]
fn a_saved_script_ends_as_sql_does() {
    let mock = mock();
    let client = client(&mock, None);
    let script = saved_script(&mock);

    let csv = scratch("script.csv");
    client
        .sql_script(script)
        .delimiter('|')
        .to_csv(&csv)
        .unwrap();
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "name\nAda\nGrace\n");

    let file_id = client.sql_script(script).to_civis_file().unwrap();
    let bytes = client.download_file(file_id).bytes().unwrap();
    assert!(!bytes.is_empty());

    let started = client
        .sql_script(script)
        .arg("least", 40)
        .start_rows()
        .unwrap();
    assert!(started.run().job_id() > 0);
    assert_eq!(records(started.wait().unwrap()), [["name"], ["Grace"]]);

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Person {
        name: String,
    }
    let people: Vec<Person> = client
        .sql_script(script)
        .rows_as::<Person>()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(people.len(), 2);

    let manifest = client.sql_script(script).unload().unwrap();
    assert_eq!(manifest.header, ["name"]);
    assert!(!manifest.entries.is_empty());
}

#[test]
fn what_a_saved_script_cannot_take_is_refused_before_any_export() {
    let mock = mock();
    let client = client(&mock, None);
    let script = saved_script(&mock);
    let unknown = client
        .sql_script(script)
        .arg("regoin", "north")
        .rows()
        .unwrap_err();
    let text = unknown.to_string();
    assert!(matches!(unknown, Error::Usage(_)), "{unknown:?}");
    assert!(
        text.contains("\"regoin\"") && text.contains("region, least"),
        "{text}"
    );
    let typed = client
        .sql_script(script)
        .arg("least", "many")
        .rows()
        .unwrap_err();
    assert!(typed.to_string().contains("type integer"), "{typed}");
    let preview = client.sql_script(script).preview(10).unwrap_err();
    assert!(
        preview.to_string().contains("not a run of SQL script"),
        "{preview}"
    );
    let declared = client
        .sql_script(script)
        .param("x", "integer", 1)
        .rows()
        .unwrap_err();
    assert!(
        declared.to_string().contains("arg(name, value)"),
        "{declared}"
    );
    let not_a_script = client.sql("select 1", DB).arg("x", 1).rows().unwrap_err();
    assert!(
        not_a_script
            .to_string()
            .contains("param(name, type, value)"),
        "{not_a_script}"
    );
    assert!(posts(&mock, "/scripts/sql").is_empty());
}

#[test]
fn sql_without_a_database_runs_on_the_one_set_on_the_client() {
    let mock = mock();
    mock.database(33, "redshift-research");
    mock.sql_returns("select 1 as one", MockRows::new(["one"]).row([Some("1")]));
    let client = client(&mock, Some("redshift-research"));
    assert_eq!(
        client.default_database().unwrap(),
        civis::NameOrId::from("redshift-research")
    );
    let rows = client.sql("select 1 as one", None).rows().unwrap();
    assert_eq!(records(rows), [["one"], ["1"]]);
    assert_eq!(posts(&mock, "/scripts/sql")[0]["remote_host_id"], 33);
    // A database given to the call wins over the default.
    client.sql("select 1 as one", DB).rows().unwrap();
    assert_eq!(posts(&mock, "/scripts/sql")[1]["remote_host_id"], DB);
}

#[test]
fn the_only_visible_database_is_the_default_and_listed_once_per_client() {
    let mock = mock();
    mock.sql_returns("select 1 as one", MockRows::new(["one"]).row([Some("1")]));
    let client = client(&mock, None);
    for _ in 0..2 {
        let rows = client.sql("select 1 as one", None).rows().unwrap();
        assert_eq!(records(rows), [["one"], ["1"]]);
    }
    assert_eq!(
        client.default_database().unwrap(),
        civis::NameOrId::from(DB)
    );
    assert_eq!(count(&mock, "GET", "/databases"), 1);
    let made = posts(&mock, "/scripts/sql");
    assert!(made.iter().all(|m| m["remote_host_id"] == DB), "{made:?}");
}

#[test]
fn several_visible_databases_and_none_set_is_an_error_listing_them() {
    let mock = mock();
    mock.database(33, "redshift-research");
    let client = client(&mock, None);
    let error = client.sql("select 1", None).rows().unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error:?}");
    let text = error.to_string();
    for needed in [
        "redshift-general (id 32)",
        "redshift-research (id 33)",
        "ClientBuilder::default_database",
        "CIVIS_DATABASE",
    ] {
        assert!(text.contains(needed), "{needed} missing from: {text}");
    }
    assert!(posts(&mock, "/scripts/sql").is_empty());
}

/// A multifile export of 2,500 rows, in three parts.
fn unloaded(mock: &MockServer, client: &Client) -> civis::sql::UnloadManifest {
    let mut rows = MockRows::new(["id", "word"]);
    for i in 0..2500 {
        rows.rows
            .push(vec![Some(i.to_string()), Some(format!("word, {i}"))]);
    }
    mock.sql_returns("select * from words", rows);
    client.sql("select * from words", DB).unload().unwrap()
}

#[test]
fn download_to_writes_every_part_and_then_the_manifest() {
    let mock = mock();
    let client = client(&mock, None);
    let manifest = unloaded(&mock, &client);
    assert!(manifest.entries.len() > 1, "{manifest:?}");
    let dir = scratch("unloaded");
    let parts = manifest.download_to(&client, &dir).unwrap();
    assert_eq!(parts.len(), manifest.entries.len());
    let mut lines = 0;
    for (path, entry) in parts.iter().zip(&manifest.entries) {
        assert_eq!(path, &dir.join(&entry.name));
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(text.len() as u64, entry.size);
        lines += text.lines().count();
    }
    assert_eq!(lines, 2500);
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(MANIFEST_FILE_NAME)).unwrap())
            .unwrap();
    assert_eq!(written, serde_json::to_value(&manifest).unwrap());
    // Nothing but the parts and the manifest: no temporary file left.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = manifest.entries.iter().map(|e| e.name.clone()).collect();
    expected.push(MANIFEST_FILE_NAME.to_string());
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn a_part_that_fails_leaves_no_manifest_and_a_second_call_completes() {
    let mock = mock();
    let client = client(&mock, None);
    let manifest = unloaded(&mock, &client);
    let dir = scratch("unloaded-failing");
    let last = manifest.entries.last().unwrap().id;
    // Once: the part's second download is answered as usual.
    mock.fail_after_work_once(
        "GET",
        &format!("/files/{last}"),
        civis_mock::Scripted::status(404),
    );
    let error = manifest.download_to(&client, &dir).unwrap_err();
    assert_eq!(error.status(), Some(404), "{error:?}");
    assert!(!dir.join(MANIFEST_FILE_NAME).exists());
    let parts = manifest.download_to(&client, &dir).unwrap();
    assert!(parts.iter().all(|p| p.exists()));
    assert!(dir.join(MANIFEST_FILE_NAME).exists());
}

#[test]
fn part_names_that_would_leave_the_folder_are_refused() {
    let mock = mock();
    let client = client(&mock, None);
    let mut manifest = unloaded(&mock, &client);
    let before = mock.requests().len();
    for name in ["../escape.csv", "a/b.csv", "", MANIFEST_FILE_NAME] {
        manifest.entries[0].name = name.to_string();
        let error = manifest
            .download_to(&client, scratch("refused"))
            .unwrap_err();
        assert!(matches!(error, Error::Usage(_)), "{name}: {error:?}");
    }
    assert_eq!(mock.requests().len(), before, "nothing downloaded");
}
