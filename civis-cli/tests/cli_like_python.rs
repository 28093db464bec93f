//! The `civis` program run with civis-python's command-line syntax (civis-python 2.10.1's
//! `civis/cli/__main__.py` and `_cli_commands.py`), against the mock: each invocation is
//! written as a civis-python user writes it, with the request civis-python's would send for it,
//! worked out by its rules and written out here, and this program's request must be that one.
//!
//! civis-python's rules, as its `__main__.py` has them:
//! - a command per operation, named `parse_method_name(verb, path)` with legacy names (a GET of
//!   a path ending in a fixed segment is `list-...`), `_` as `-`, the operations whose summary
//!   says "deprecated" included;
//! - required parameters are positional in the spec's order, the body's properties in the
//!   body's place sorted by name; the others are `--kebab-case` options;
//! - integers, numbers and strings as typed; booleans as click's `BOOL`; objects and arrays
//!   from a YAML (or JSON) file's path;
//! - the body holds the body parameters given (camelCase keys), the query the query parameters
//!   given, the path is the spec's with its parameters filled in;
//! - the answer prints as YAML, or compact JSON with `--json-output`, keys as the API sent them.
//!
//! Where the two differ on the wire in ways the API reads alike, the comparison says so: this
//! program sends body keys in snake_case (as civis-python's library does; its command line
//! sends camelCase), booleans in a query as `true`/`false` (requests writes Python's
//! `True`/`False`), and a path without the spec's trailing `/` (as its library does).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use civis_mock::{MockServer, Scripted};
use serde_json::{json, Value};

use crate::support;
use support::{civis, civis_with_stdin, scratch, stderr, stdout};

/// What every request is answered with: keys as the API sends them (camelCase).
const ANSWER: &str =
    r#"{"id": 7, "name": "nightly", "createdAt": "2026-01-02T03:04:05Z", "isArchived": false}"#;

/// How an invocation asks for its output.
#[derive(Debug, Clone, Copy)]
enum Asked {
    /// This program's default, JSON (civis-python's is YAML: see the README).
    Default,
    /// `--json-output`.
    CompactJson,
    /// `--yaml`, this program's name for civis-python's default.
    Yaml,
}

/// One invocation and the request civis-python's command line sends for it.
struct Case {
    args: Vec<String>,
    method: &'static str,
    path: &'static str,
    query: Vec<(&'static str, &'static str)>,
    /// civis-python's JSON body, camelCase keys as its command line writes them; `None`: no
    /// body (civis-python sends `json={}` for an operation without body parameters too, which
    /// is no JSON body for the API).
    body: Option<Value>,
    output: Asked,
}

fn case(args: &[&str], method: &'static str, path: &'static str) -> Case {
    let output = if args.contains(&"--json-output") {
        Asked::CompactJson
    } else if args.contains(&"--yaml") {
        Asked::Yaml
    } else {
        Asked::Default
    };
    Case {
        args: args.iter().map(|a| a.to_string()).collect(),
        method,
        path,
        query: Vec::new(),
        body: None,
        output,
    }
}

impl Case {
    fn query(mut self, pairs: &[(&'static str, &'static str)]) -> Self {
        self.query = pairs.to_vec();
        self
    }

    fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
}

/// civis-python's `camel_to_snake`: `re.sub(r"([A-Z]+)", r"_\1", s).lower()`.
fn camel_to_snake(name: &str) -> String {
    let mut out = String::new();
    let mut in_upper = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if !in_upper {
                out.push('_');
            }
            in_upper = true;
            out.push(c.to_ascii_lowercase());
        } else {
            in_upper = false;
            out.push(c);
        }
    }
    out
}

/// A body's top-level keys as snake_case (nested values are sent as given by both).
fn snake_keys(body: &Value) -> Value {
    match body {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (camel_to_snake(k), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A query's pairs, sorted, booleans in lower case.
fn pairs(query: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let v = match v {
                "True" | "False" => v.to_lowercase(),
                _ => v.to_string(),
            };
            (k.to_string(), v)
        })
        .collect();
    pairs.sort();
    pairs
}

fn file(name: &str, text: &str) -> String {
    let path = scratch("cli-like-python", name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The YAML document `text` as JSON, read with a YAML parser (not this program's code).
fn parse_yaml(text: &str) -> Value {
    let docs = yaml_rust2::YamlLoader::load_from_str(text).expect("the output is YAML");
    fn to_json(yaml: &yaml_rust2::Yaml) -> Value {
        use yaml_rust2::Yaml;
        match yaml {
            Yaml::Hash(hash) => Value::Object(
                hash.iter()
                    .map(|(k, v)| (k.as_str().unwrap_or_default().to_string(), to_json(v)))
                    .collect(),
            ),
            Yaml::Array(items) => Value::Array(items.iter().map(to_json).collect()),
            Yaml::Integer(i) => json!(i),
            Yaml::Boolean(b) => json!(b),
            Yaml::String(s) => json!(s),
            Yaml::Real(r) => json!(r.parse::<f64>().unwrap()),
            _ => Value::Null,
        }
    }
    to_json(&docs[0])
}

fn cases() -> Vec<Case> {
    let arguments = file("arguments.yaml", "LIMIT: 10\nREGION: north\n");
    let params = file(
        "params.json",
        r#"[{"name": "LIMIT", "type": "integer"}, {"name": "REGION", "type": "string"}]"#,
    );
    let csv_settings = file("csv.yaml", "compression: gzip\ncolumnDelimiter: pipe\n");
    let destination = file(
        "destination.yaml",
        "schema: scratch\ntable: people\nremoteHostId: 32\ncredentialId: 2\n",
    );
    let source = file("source.yaml", "fileIds:\n  - 101\n  - 102\n");
    let keys = file("keys.yaml", "- id\n- day\n");
    let env = file("env.yaml", "MODE: batch\nDEBUG: \"1\"\n");
    let sql = json!({"credentialId": 2, "name": "nightly", "remoteHostId": 32, "sql": "select 1"});
    let with = |extra: Value| {
        let mut body = sql.clone();
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    vec![
        case(&["users", "list-me"], "GET", "/users/me"),
        case(&["users", "list-me", "--json-output"], "GET", "/users/me"),
        case(&["users", "list-me", "--yaml"], "GET", "/users/me"),
        case(&["tables", "list", "--database-id", "32", "--schema", "public"], "GET", "/tables")
            .query(&[("database_id", "32"), ("schema", "public")]),
        case(
            &["tables", "list", "--database-id", "32", "--limit", "5", "--order-dir", "desc", "--json-output"],
            "GET",
            "/tables",
        )
        .query(&[("database_id", "32"), ("limit", "5"), ("order_dir", "desc")]),
        case(&["files", "get", "12"], "GET", "/files/12"),
        case(&["files", "get", "12", "--inline", "True"], "GET", "/files/12")
            .query(&[("inline", "True")]),
        case(
            &["files", "list-preview", "12", "--include-header", "no", "--column-delimiter", "pipe"],
            "GET",
            "/files/12/preview",
        )
        .query(&[("include_header", "False"), ("column_delimiter", "pipe")]),
        case(&["jobs", "post-runs", "60"], "POST", "/jobs/60/runs"),
        case(&["jobs", "get-runs", "60", "7", "--yaml"], "GET", "/jobs/60/runs/7"),
        case(&["scripts", "post-sql", "2", "nightly", "32", "select 1"], "POST", "/scripts/sql")
            .body(sql.clone()),
        case(
            &["scripts", "post-sql", "2", "nightly", "32", "select 1", "--hidden", "yes", "--arguments", &arguments],
            "POST",
            "/scripts/sql",
        )
        .body(with(json!({"hidden": true, "arguments": {"LIMIT": 10, "REGION": "north"}}))),
        case(
            &["scripts", "post-sql", "2", "nightly", "32", "select 1", "--params", &params, "--json-output"],
            "POST",
            "/scripts/sql",
        )
        .body(with(json!({"params": [{"name": "LIMIT", "type": "integer"}, {"name": "REGION", "type": "string"}]}))),
        case(&["scripts", "post-sql", "2", "nightly", "32", "select 1", "--hidden", "1"], "POST", "/scripts/sql")
            .body(with(json!({"hidden": true}))),
        case(&["scripts", "post-sql", "2", "nightly", "32", "select 1", "--hidden", "OFF"], "POST", "/scripts/sql")
            .body(with(json!({"hidden": false}))),
        case(
            &["scripts", "post-sql", "2", "nightly", "32", "select 1", "--time-zone", "America/Chicago", "--parent-id", "5"],
            "POST",
            "/scripts/sql",
        )
        .body(with(json!({"timeZone": "America/Chicago", "parentId": 5}))),
        case(&["scripts", "patch-sql", "5", "--name", "renamed", "--sql", "select 2"], "PATCH", "/scripts/sql/5")
            .body(json!({"name": "renamed", "sql": "select 2"})),
        case(&["scripts", "patch-sql", "5", "--csv-settings", &csv_settings], "PATCH", "/scripts/sql/5")
            .body(json!({"csvSettings": {"compression": "gzip", "columnDelimiter": "pipe"}})),
        case(&["scripts", "patch-sql-runs", "5", "9", "--error", "it broke"], "PATCH", "/scripts/sql/5/runs/9")
            .body(json!({"error": "it broke"})),
        case(
            &["scripts", "post-python3", "job", "print(1)", "--instance-type", "m5.large", "--cancel-timeout", "30"],
            "POST",
            "/scripts/python3",
        )
        .body(json!({"name": "job", "source": "print(1)", "instanceType": "m5.large", "cancelTimeout": 30})),
        case(
            &["scripts", "post-custom", "44", "--name", "n", "--remote-host-id", "32", "--credential-id", "2", "--yaml"],
            "POST",
            "/scripts/custom",
        )
        .body(json!({"fromTemplateId": 44, "name": "n", "remoteHostId": 32, "credentialId": 2})),
        case(
            &["imports", "post-files-csv", &destination, "true", &source, "--column-delimiter", "tab", "--max-errors", "3"],
            "POST",
            "/imports/files/csv",
        )
        .body(json!({
            "destination": {"schema": "scratch", "table": "people", "remoteHostId": 32, "credentialId": 2},
            "firstRowIsHeader": true,
            "source": {"fileIds": [101, 102]},
            "columnDelimiter": "tab",
            "maxErrors": 3,
        })),
        case(&["users", "post-me-favorites", "7", "Project"], "POST", "/users/me/favorites")
            .body(json!({"objectId": 7, "objectType": "Project"})),
        case(&["users", "post-api-keys", "me", "3600", "deploy-key"], "POST", "/users/me/api_keys")
            .body(json!({"expiresIn": 3600, "name": "deploy-key"})),
        case(&["tables", "patch", "9", "--description", "people", "--primary-keys", &keys], "PATCH", "/tables/9")
            .body(json!({"description": "people", "primaryKeys": ["id", "day"]})),
        case(&["json-values", "patch", "3", "--value-str", r#"{"a": 1}"#], "PATCH", "/json_values/3")
            .body(json!({"valueStr": "{\"a\": 1}"})),
        case(&["notebooks", "put", "4", "--cpu", "1000", "--environment-variables", &env], "PUT", "/notebooks/4")
            .body(json!({"cpu": 1000, "environmentVariables": {"MODE": "batch", "DEBUG": "1"}})),
        case(&["services", "patch", "8", "--max-replicas", "2", "--description", "x"], "PATCH", "/services/8")
            .body(json!({"maxReplicas": 2, "description": "x"})),
        case(&["reports", "post-grants", "6"], "POST", "/reports/6/grants"),
        case(
            &["clusters", "list-kubernetes-compute-metrics", "3", "--start-date", "2026-01-01"],
            "GET",
            "/clusters/kubernetes/3/compute_metrics",
        )
        .query(&[("start_date", "2026-01-01")]),
        case(&["templates", "list-scripts-", "--hidden", "false", "--category", "etl"], "GET", "/templates/scripts")
            .query(&[("hidden", "False"), ("category", "etl")]),
        // Operations whose summary says "deprecated": commands in civis-python's CLI.
        case(&["groups", "delete", "5"], "DELETE", "/groups/5"),
        case(&["databases", "list-tables", "32", "--name", "t", "--limit", "2"], "GET", "/databases/32/tables")
            .query(&[("name", "t"), ("limit", "2")]),
        case(&["scripts", "delete", "5", "--json-output"], "DELETE", "/scripts/5"),
    ]
}

#[test]
fn civis_python_invocations_send_the_requests_civis_pythons_command_line_sends() {
    let mock = MockServer::start_from_file(env!("CIVIS_API_SPEC")).unwrap();
    mock.script("*", "*", [Scripted::json(200, ANSWER)]);
    let expected_answer: Value = serde_json::from_str(ANSWER).unwrap();
    let cases = cases();
    assert!(cases.len() >= 30, "{} invocations", cases.len());
    for case in &cases {
        mock.clear_requests();
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let output = civis(&mock, &args);
        let shown = format!("civis {}", case.args.join(" "));
        assert!(output.status.success(), "{shown}: {}", stderr(&output));
        let requests = mock.requests();
        assert_eq!(
            requests.len(),
            1,
            "{shown}: {:?}",
            requests.iter().map(|r| &r.url).collect::<Vec<_>>()
        );
        let sent = &requests[0];
        assert_eq!(sent.method, case.method, "{shown}");
        let (path, query) = sent.url.split_once('?').unwrap_or((&sent.url, ""));
        assert_eq!(path.trim_end_matches('/'), case.path, "{shown}");
        let python_query: Vec<(String, String)> = {
            let text: Vec<String> = case.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
            pairs(&text.join("&"))
        };
        assert_eq!(pairs(query), python_query, "{shown}");
        let body = sent.json().filter(|b| b != &json!({}));
        assert_eq!(body, case.body.as_ref().map(snake_keys), "{shown}");
        let text = stdout(&output);
        let printed = match case.output {
            Asked::Default => serde_json::from_str::<Value>(&text).expect("JSON"),
            Asked::CompactJson => {
                assert_eq!(text.trim_end().lines().count(), 1, "{shown}: one line");
                serde_json::from_str::<Value>(&text).expect("JSON")
            }
            Asked::Yaml => {
                assert!(
                    serde_json::from_str::<Value>(&text).is_err(),
                    "{shown}: YAML, not JSON"
                );
                parse_yaml(&text)
            }
        };
        // Keys as the API sent them, as civis-python prints them.
        assert_eq!(printed, expected_answer, "{shown}");
    }
}

#[test]
fn help_lists_positional_arguments_in_civis_pythons_order() {
    let mock = MockServer::start_from_file(env!("CIVIS_API_SPEC")).unwrap();
    let output = civis(&mock, &["scripts", "post-sql", "--help"]);
    let text = stdout(&output);
    let usage = text
        .lines()
        .find(|l| l.starts_with("Usage:"))
        .unwrap_or_default();
    assert!(
        usage.contains("<CREDENTIAL_ID> <NAME> <REMOTE_HOST_ID> <SQL>"),
        "{usage}"
    );
    // The deprecated operations say so, on stderr, when used.
    mock.script("*", "*", [Scripted::json(200, ANSWER)]);
    let output = civis(&mock, &["groups", "delete", "5"]);
    assert!(
        stderr(&output).contains("`groups delete` is deprecated"),
        "{}",
        stderr(&output)
    );
    let output = civis(&mock, &["groups", "get", "5"]);
    assert!(
        !stderr(&output).contains("deprecated"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn every_command_of_civis_pythons_command_line_is_here() {
    // civis-python's `make_operation_name` for every operation of the spec, worked out here
    // from the spec's JSON: every resource's help lists each as a command or an alias.
    let spec: Value =
        serde_json::from_str(&std::fs::read_to_string(env!("CIVIS_API_SPEC")).unwrap()).unwrap();
    let bracketed = |s: &str| s.starts_with('{') && s.ends_with('}');
    let mut expected: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (path, item) in spec["paths"].as_object().unwrap() {
        let resource = path
            .trim_matches('/')
            .split('/')
            .next()
            .unwrap()
            .to_string();
        for verb in item
            .as_object()
            .unwrap()
            .keys()
            .filter(|v| *v != "parameters")
        {
            let lower = path.to_lowercase();
            let rest = lower.trim_start_matches('/');
            let rest = rest
                .strip_prefix(resource.as_str())
                .unwrap_or(rest)
                .trim_matches('-');
            let elems: Vec<&str> = rest.split('/').skip(1).collect();
            let mut names = Vec::new();
            for (i, e) in elems.iter().enumerate() {
                if !bracketed(e) {
                    names.push(e.to_string());
                } else if i > 0 && bracketed(elems[i - 1]) {
                    names.push(elems[i - 1].trim_matches(['{', '}', '|']).to_string());
                }
            }
            let final_fixed = !bracketed(elems.last().copied().unwrap_or(""));
            let verb = if verb == "get" && final_fixed {
                "list"
            } else {
                verb
            };
            let joined = names.join("_");
            let name = if joined.is_empty() {
                verb.to_string()
            } else {
                format!("{verb}_{joined}")
            };
            let munged: String = resource
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            expected
                .entry(munged)
                .or_default()
                .push(name.replace('_', "-"));
        }
    }
    let mock = MockServer::start_from_file(env!("CIVIS_API_SPEC")).unwrap();
    let mut missing = Vec::new();
    let mut count = 0;
    for (resource, names) in &expected {
        let help = stdout(&civis(&mock, &[resource, "--help"]));
        let listed: Vec<String> = help
            .lines()
            .filter_map(|line| {
                let line = line.trim_start();
                let name = line.split_whitespace().next()?;
                let aliases = line
                    .split("[aliases: ")
                    .nth(1)
                    .or_else(|| line.split("[alias: ").nth(1))
                    .map(|a| {
                        a.trim_end_matches(']')
                            .split(", ")
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_else(Vec::new);
                Some(
                    std::iter::once(name.to_string())
                        .chain(aliases)
                        .collect::<Vec<_>>(),
                )
            })
            .flatten()
            .collect();
        for name in names {
            count += 1;
            if !listed.contains(name) {
                missing.push(format!("{resource} {name}"));
            }
        }
    }
    assert_eq!(count, 910);
    assert!(missing.is_empty(), "{} missing: {missing:?}", missing.len());
}

/// A `civis mock serve` process, stopped when dropped (also when a test fails).
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_extra_commands_run_against_civis_mock_serve_demo() {
    let mut server = Served(
        Command::new(env!("CARGO_BIN_EXE_civis"))
            .args(["mock", "serve", "--demo"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_civis"))
            .args(args)
            .env("CIVIS_API_KEY", "demo-key")
            .env("CIVIS_API_ENDPOINT", &url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    // civis sql -d 32 -c "select 1 as one": the preview table, "Executing query..." on stderr.
    let output = run(&["sql", "-d", "32", "-c", "select 1 as one"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "one\n---\n  1\n");
    assert!(
        stderr(&output).contains("Executing query..."),
        "{}",
        stderr(&output)
    );
    // -q: nothing but errors; SQL from standard input up to the first empty line.
    let output = run(
        &["sql", "-d", "redshift-general", "-q"],
        "select 1\nas one\n\nignored\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        (stdout(&output).as_str(), stderr(&output).as_str()),
        ("", "")
    );
    let output = run(
        &["sql", "-d", "32", "-n", "2"],
        "select * from public.users\n",
    );
    assert_eq!(
        stdout(&output),
        "id | name         | active\n--------------------------\n 1 | Ada Lovelace |      t\n 2 | Grace Hopper |      t\n"
    );
    // jobs run --wait with the log followed on stderr; jobs follow-log prints it on stdout.
    let output = run(&["jobs", "run", "1", "--follow-log"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let finished: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(finished["state"], "succeeded");
    assert!(
        stderr(&output).contains("step 3 of 3"),
        "{}",
        stderr(&output)
    );
    let output = run(&["jobs", "follow-log", "1"], "");
    assert_eq!(stdout(&output).lines().count(), 3, "{}", stdout(&output));
    let output = run(&["jobs", "run", "2", "--wait"], "");
    assert_eq!(output.status.code(), Some(3));
    // tables import, then a file round trip with `never` and `-`.
    let csv = file("import.csv", "id,score\n1,2.5\n2,3\n");
    let output = run(&["tables", "import", &csv, "32", "scratch.scores"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run(
        &[
            "files",
            "upload",
            &csv,
            "--name",
            "scores.csv",
            "--expires-at",
            "never",
        ],
        "",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let id = stdout(&output).trim().to_string();
    let output = run(&["files", "download", &id, "-"], "");
    assert_eq!(stdout(&output), "id,score\n1,2.5\n2,3\n");
    let output = run(&["files", "upload", &csv, "--expires-at", "tomorrow"], "");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not an ISO 8601 date"),
        "{}",
        stderr(&output)
    );
    // civis civis says hello; the spec commands need no spec and warn of none.
    let output = run(&["civis"], "");
    assert!(stdout(&output).starts_with("civis "), "{}", stdout(&output));
}

#[test]
fn only_the_commands_built_from_the_spec_warn_that_there_is_none() {
    // No spec anywhere: no CIVIS_API_SPEC, an empty home, no key.
    let home = scratch("cli-like-python", "empty-home");
    std::fs::create_dir_all(&home).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_civis"))
            .args(args)
            .env_remove("CIVIS_API_SPEC")
            .env_remove("CIVIS_API_KEY")
            .env_remove("CIVIS_API_SPEC_CACHE")
            .env("HOME", &home)
            .output()
            .unwrap()
    };
    for args in [
        &["--version"][..],
        &["spec", "which"],
        &["civis"],
        &["mock", "--help"],
    ] {
        let output = run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert!(
            !stderr(&output).contains("no API spec"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let output = run(&["users", "get-me"]);
    assert!(
        stderr(&output).contains("no API spec to read"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_closed_pipe_ends_quietly_and_log_levels_are_civis_pythons() {
    let mock = MockServer::start_from_file(env!("CIVIS_API_SPEC")).unwrap();
    let big = format!("[{}]", vec![ANSWER; 20_000].join(","));
    mock.script("GET", "/users", [Scripted::json(200, big)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(["users", "list"])
        .env("CIVIS_API_KEY", "k")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the pipe, as `| head -c 100` does.
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    std::io::Read::read_exact(&mut out, &mut first).unwrap();
    drop(out);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");

    // CIVIS_LOG_LEVEL=DEBUG shows the library's debug lines, Python's `LEVEL:name:message`.
    mock.script("GET", "/users/me", [Scripted::json(200, ANSWER)]);
    let output = Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(["users", "list-me"])
        .env("CIVIS_API_KEY", "k")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .env("CIVIS_LOG_LEVEL", "DEBUG")
        .output()
        .unwrap();
    assert!(
        stderr(&output).lines().any(|l| l.starts_with("DEBUG:")),
        "{}",
        stderr(&output)
    );
    let quiet = civis_with_stdin(&mock, &["users", "list-me"], "");
    assert!(!stderr(&quiet).contains("DEBUG:"), "{}", stderr(&quiet));
}
