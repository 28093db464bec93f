//! The `civis` program run as a user runs it, against the mock Civis API.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use civis_mock::{MockServer, Scripted};

use crate::support;
use support::{civis, stderr, stdout};

fn spec_path() -> &'static str {
    env!("CIVIS_API_SPEC")
}

fn mock() -> MockServer {
    MockServer::start_from_file(spec_path()).unwrap()
}

#[test]
fn help_comes_from_the_spec_at_every_level() {
    let mock = mock();
    let top = civis(&mock, &["--help"]);
    assert!(top.status.success());
    assert!(
        stdout(&top).contains("tables") && stdout(&top).contains("json-values"),
        "{}",
        stdout(&top)
    );
    let resource = civis(&mock, &["tables", "--help"]);
    assert!(stdout(&resource).contains("list") && stdout(&resource).contains("List tables"));
    let method = civis(&mock, &["tables", "list", "--help"]);
    let text = stdout(&method);
    assert!(
        text.contains("GET /tables")
            && text.contains("--database-id")
            && text.contains("The ID of the database."),
        "{text}"
    );
    assert!(text.contains("--all-pages"), "{text}");
}

#[test]
fn a_get_with_options_prints_the_json() {
    let mock = mock();
    mock.script(
        "GET",
        "/tables",
        [Scripted::json(
            200,
            r#"[{"id": 1, "databaseId": 32, "schema": "public", "name": "users"}]"#,
        )],
    );
    let output = civis(
        &mock,
        &[
            "tables",
            "list",
            "--database-id",
            "32",
            "--schema",
            "public",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    // As the API sent it, keys and all, as civis-python's command line prints it.
    assert_eq!(
        printed,
        serde_json::json!([{"id": 1, "databaseId": 32, "schema": "public", "name": "users"}])
    );
    assert_eq!(
        mock.requests()[0].url,
        "/tables?database_id=32&schema=public"
    );
    assert_eq!(
        mock.requests()[0].header("authorization"),
        Some("Bearer cli-key")
    );
}

#[test]
fn a_post_sends_positional_arguments_and_json_options() {
    let mock = mock();
    mock.script(
        "POST",
        "/scripts/sql",
        [Scripted::json(201, r#"{"id": 9}"#)],
    );
    let output = civis(
        &mock,
        &[
            "scripts",
            "post-sql",
            // civis-python's order: the body's required parameters by name, credential_id,
            // name, remote_host_id, sql.
            "2",
            "nightly",
            "1",
            "select 1",
            "--arguments",
            r#"{"MY_VAR": 3}"#,
            "--hidden",
            "true",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let sent = mock.requests()[0].incoming();
    assert_eq!(
        sent.body,
        Some(serde_json::json!({
            "name": "nightly", "sql": "select 1", "remote_host_id": 1, "credential_id": 2,
            "arguments": {"MY_VAR": 3}, "hidden": true
        }))
    );
}

#[test]
fn all_pages_streams_one_object_a_line() {
    let mock = mock();
    mock.script(
        "GET",
        "/users",
        [
            Scripted::json(200, r#"[{"id": 1}, {"id": 2}]"#),
            Scripted::json(200, r#"[{"id": 3}]"#),
            Scripted::json(200, "[]"),
        ],
    );
    let output = civis(&mock, &["users", "list", "--limit", "2", "--all-pages"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n");
    assert_eq!(mock.requests().len(), 3);
}

#[test]
fn an_unknown_option_is_a_usage_error_with_a_suggestion() {
    let mock = mock();
    let output = civis(&mock, &["tables", "list", "--databse-id", "3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("a similar argument exists: '--database-id'"),
        "{}",
        stderr(&output)
    );
    let output = civis(&mock, &["tabels", "list"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("'tables'"), "{}", stderr(&output));
    let output = civis(&mock, &["tables", "get", "not-a-number"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(mock.requests().is_empty());
}

#[test]
fn an_api_error_exits_with_1() {
    let mock = mock();
    mock.script(
        "GET",
        "/scripts/{id}",
        [Scripted::json(
            404,
            r#"{"errorDescription": "The requested resource could not be found."}"#,
        )],
    );
    let output = civis(&mock, &["scripts", "get", "7"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("(404) The requested resource could not be found. (GET /scripts/7)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn raw_prints_status_and_headers() {
    let mock = mock();
    mock.script(
        "GET",
        "/users/me",
        [Scripted::json(200, r#"{"id": 1}"#).header("X-RateLimit-Remaining", "99")],
    );
    let output = civis(&mock, &["users", "get-me", "--raw"]);
    let text = stdout(&output);
    assert!(text.starts_with("HTTP 200\n"), "{text}");
    assert!(
        text.to_lowercase().contains("x-ratelimit-remaining: 99"),
        "{text}"
    );
    assert!(text.trim_end().ends_with(r#"{"id": 1}"#), "{text}");
}

#[test]
fn spec_download_and_mock_serve() {
    let mock = mock();
    let output = civis(&mock, &["spec", "download", "-o", "-"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(output.stdout, std::fs::read(spec_path()).unwrap());

    // By default into the project's .civis/ directory, where civis_api! looks.
    let project = std::env::temp_dir().join(format!("civis-cli-project-{}", std::process::id()));
    std::fs::create_dir_all(&project).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(["spec", "download"])
        .current_dir(&project)
        .env("CIVIS_API_KEY", "cli-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read(project.join(".civis/civis_api_spec.json")).unwrap(),
        std::fs::read(spec_path()).unwrap()
    );
    assert!(
        stderr(&output).contains("to .civis/civis_api_spec.json"),
        "{}",
        stderr(&output)
    );
    std::fs::remove_dir_all(&project).unwrap();

    let mut server = Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(["mock", "serve", "--spec", spec_path()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    let client = civis::ApiClient::builder()
        .api_key("k")
        .base_url(&url)
        .build()
        .unwrap();
    let spec = client.download_api_spec();
    server.kill().unwrap();
    let _ = server.wait();
    assert_eq!(spec.unwrap(), std::fs::read(spec_path()).unwrap());
}
