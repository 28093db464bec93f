//! The command line built from the spec it reads when it starts (`--spec`, `CIVIS_API_SPEC`,
//! the cache), and civis-python's extra commands (`--version`, `--yaml`, notebooks), run as a
//! user runs it against the mock Civis API.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use civis_mock::{MockServer, Scripted};
use serde_json::{json, Value};

fn shared_spec() -> &'static str {
    env!("CIVIS_API_SPEC")
}

/// The program with no spec, key or cache from this machine: only what `setup` adds.
fn civis(home: &Path, setup: impl FnOnce(&mut Command)) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_civis"));
    command
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    setup(&mut command);
    command.output().expect("the civis binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// An empty directory for HOME, removed when dropped.
struct Home(PathBuf);

impl Home {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("civis-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The shared spec with one more operation, `GET /widgets/{id}`, as if the API had gained it
/// after this program was built.
fn spec_with_widgets(dir: &Path) -> PathBuf {
    let mut spec: Value =
        serde_json::from_str(&std::fs::read_to_string(shared_spec()).unwrap()).unwrap();
    spec["paths"]["/widgets/{id}"] = json!({"get": {
        "summary": "Get a widget",
        "parameters": [{"name": "id", "in": "path", "required": true, "type": "integer",
                        "description": "The ID of the widget."}],
        "responses": {"200": {"description": "success", "schema": {"type": "object"}}}
    }});
    let path = dir.join("spec-with-widgets.json");
    std::fs::write(&path, serde_json::to_string(&spec).unwrap()).unwrap();
    path
}

#[test]
fn every_resource_of_the_spec_is_a_command_all_included() {
    let home = Home::new("resources");
    // civis-python's method table for the same spec names every resource its CLI offers.
    let methods: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(Path::new(shared_spec()).with_file_name("methods.json")).unwrap(),
    )
    .unwrap();
    let mut resources: Vec<&str> = methods
        .iter()
        .filter_map(|m| m["resource"].as_str())
        .collect();
    resources.dedup();
    let output = civis(&home.0, |c| {
        c.args(["--spec", shared_spec(), "--help"]);
    });
    assert!(output.status.success(), "{}", text(&output.stderr));
    let help = text(&output.stdout);
    assert_eq!(resources.len(), 41);
    for resource in resources {
        assert!(
            help.contains(&resource.replace('_', "-")),
            "{resource} missing:\n{help}"
        );
    }
    // Those beyond `base`, which the program was built with, among them.
    for resource in ["admin", "usage-limits", "permission-sets", "table-tags"] {
        assert!(help.contains(resource), "{resource}");
    }
}

#[test]
fn an_operation_added_to_the_spec_is_a_command_without_a_rebuild() {
    let home = Home::new("widgets");
    let spec = spec_with_widgets(&home.0);
    let mock = MockServer::scripted().unwrap();
    mock.script(
        "GET",
        "/widgets/{id}",
        [Scripted::json(200, r#"{"id": 5, "sizeInCm": 3}"#)],
    );
    let run = |setup: &dyn Fn(&mut Command)| {
        civis(&home.0, |c| {
            c.env("CIVIS_API_KEY", "k")
                .env("CIVIS_API_ENDPOINT", mock.url());
            setup(c);
        })
    };
    // From --spec, from CIVIS_API_SPEC, and from a fresh cache.
    let given = run(&|c| {
        c.arg("--spec").arg(&spec).args(["widgets", "get", "5"]);
    });
    assert!(given.status.success(), "{}", text(&given.stderr));
    assert_eq!(
        serde_json::from_slice::<Value>(&given.stdout).unwrap(),
        json!({"id": 5, "sizeInCm": 3})
    );
    let from_env = run(&|c| {
        c.env("CIVIS_API_SPEC", &spec).args(["widgets", "get", "5"]);
    });
    assert!(from_env.status.success(), "{}", text(&from_env.stderr));
    // The cache of the mock's endpoint.
    std::fs::copy(&spec, cache_of(&home, &mock)).unwrap();
    let cached = run(&|c| {
        c.args(["widgets", "get", "5"]);
    });
    assert!(cached.status.success(), "{}", text(&cached.stderr));
    assert_eq!(mock.requests().len(), 3);
    assert!(mock.requests().iter().all(|r| r.url == "/widgets/5"));
}

#[test]
fn without_a_fresh_cache_the_spec_is_downloaded_and_cached() {
    let home = Home::new("download");
    let mock = MockServer::start_from_file(shared_spec()).unwrap();
    let output = civis(&home.0, |c| {
        c.env("CIVIS_API_KEY", "k")
            .env("CIVIS_API_ENDPOINT", mock.url())
            .args(["admin", "--help"]);
    });
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("downloading the API spec from"));
    // Cached for this endpoint only: the API's own cache is not the mock's spec.
    assert_eq!(
        std::fs::read(cache_of(&home, &mock)).unwrap(),
        std::fs::read(shared_spec()).unwrap()
    );
    assert!(!home.0.join(".civis_api_spec.json").exists());
    // Now fresh in the cache: no second download.
    let again = civis(&home.0, |c| {
        c.env("CIVIS_API_KEY", "k")
            .env("CIVIS_API_ENDPOINT", mock.url())
            .args(["admin", "--help"]);
    });
    assert!(again.status.success());
    assert_eq!(mock.requests().len(), 1);
}

/// The cache file of the mock's endpoint in `home`.
fn cache_of(home: &Home, mock: &MockServer) -> PathBuf {
    let port = mock.url().trim_end_matches('/').rsplit(':').next().unwrap();
    home.0
        .join(format!(".civis_api_spec.http-127.0.0.1_{port}.json"))
}

#[test]
fn a_download_that_is_not_a_spec_is_never_cached() {
    let home = Home::new("not-a-spec");
    let mock = MockServer::scripted().unwrap();
    // A maintenance page answered 200, then an error object.
    mock.script(
        "GET",
        "/endpoints",
        [
            Scripted::status(200).header("Content-Type", "text/html"),
            Scripted::json(200, r#"{"error": "maintenance"}"#),
        ],
    );
    mock.script("GET", "/users/me", [Scripted::json(200, r#"{"id": 1}"#)]);
    for _ in 0..2 {
        let output = civis(&home.0, |c| {
            c.env("CIVIS_API_KEY", "k")
                .env("CIVIS_API_ENDPOINT", mock.url())
                .args(["users", "list-me"]);
        });
        let stderr = text(&output.stderr);
        assert!(stderr.contains("not the API's spec"), "{stderr}");
        assert!(!cache_of(&home, &mock).exists(), "{stderr}");
    }
}

#[test]
fn an_unreadable_cache_is_skipped_naming_it_and_refreshed() {
    let home = Home::new("broken-cache");
    let mock = MockServer::start_from_file(shared_spec()).unwrap();
    let cache = cache_of(&home, &mock);
    // Fresh, but cut short (a full disk) or not a spec at all.
    for broken in [&b"{\"swagger\": \"2.0\", \"pa"[..], b"<html>oops</html>"] {
        std::fs::write(&cache, broken).unwrap();
        let output = civis(&home.0, |c| {
            c.env("CIVIS_API_KEY", "k")
                .env("CIVIS_API_ENDPOINT", mock.url())
                .args(["admin", "--help"]);
        });
        let stderr = text(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(
            stderr.contains(&format!("skipping the cached spec {}", cache.display())),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read(&cache).unwrap(),
            std::fs::read(shared_spec()).unwrap()
        );
    }
}

#[test]
fn a_plain_http_endpoint_is_refused_in_one_message_in_the_command_lines_terms() {
    let home = Home::new("plain-http");
    // No spec (a download would be tried first) and a spec: the same one message.
    for spec in [None, Some(shared_spec())] {
        let output = civis(&home.0, |c| {
            c.env("CIVIS_API_KEY", "k")
                .env("CIVIS_API_ENDPOINT", "http://api.example.com/")
                .args(["users", "list-me"]);
            if let Some(spec) = spec {
                c.env("CIVIS_API_SPEC", spec);
            }
        });
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(4), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("error: CIVIS_API_ENDPOINT=http://api.example.com/ is plain HTTP"),
            "{stderr}"
        );
        assert!(stderr.contains("https://"), "{stderr}");
        for not_here in ["downloading", "allow_insecure_http", "Set CIVIS_API_KEY"] {
            assert!(!stderr.contains(not_here), "{stderr}");
        }
    }
}

#[test]
fn with_no_spec_and_no_key_the_program_says_what_to_do() {
    let home = Home::new("nothing");
    let output = civis(&home.0, |c| {
        c.args(["users", "get-me"]);
    });
    // A setup to fix: exit code 4.
    assert_eq!(output.status.code(), Some(4));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("no API spec to read (CIVIS_API_KEY is not set)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: no API key: set CIVIS_API_KEY"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(".api_key("),
        "a command-line error, not a Rust one: {stderr}"
    );
}

#[test]
fn version_yaml_and_suggestions() {
    let home = Home::new("flags");
    let version = civis(&home.0, |c| {
        c.arg("--version");
    });
    assert_eq!(
        text(&version.stdout).trim(),
        format!("civis {}", env!("CARGO_PKG_VERSION"))
    );

    let mock = MockServer::scripted().unwrap();
    mock.script(
        "GET",
        "/users/me",
        [Scripted::json(
            200,
            r#"{"id": 1, "username": "me", "groups": [{"id": 2, "name": "all: staff"}]}"#,
        )],
    );
    let yaml = civis(&home.0, |c| {
        c.env("CIVIS_API_KEY", "k")
            .env("CIVIS_API_ENDPOINT", mock.url())
            .args(["--spec", shared_spec(), "users", "get-me", "--yaml"]);
    });
    assert!(yaml.status.success(), "{}", text(&yaml.stderr));
    assert_eq!(
        text(&yaml.stdout),
        "id: 1\nusername: me\ngroups:\n  - id: 2\n    name: \"all: staff\"\n"
    );

    let misspelt = civis(&home.0, |c| {
        c.args(["--spec", shared_spec(), "users", "get-mee"]);
    });
    assert_eq!(misspelt.status.code(), Some(2));
    let stderr = text(&misspelt.stderr);
    let line = stderr.lines().next().unwrap_or_default();
    assert!(
        line.starts_with("error: unrecognized command 'get-mee'; did you mean 'get-me'"),
        "{stderr}"
    );
    assert!(
        line.matches('\'').count() <= 2 + 3 * 2,
        "at most three names: {line}"
    );
}

#[test]
fn notebook_commands_send_civis_pythons_requests() {
    let home = Home::new("notebooks");
    let mock = MockServer::scripted().unwrap();
    let notebook_url = format!("{}storage/notebook-7.ipynb?signature=abc", mock.url());
    mock.script(
        "GET",
        "/notebooks/7",
        [Scripted::json(
            200,
            json!({"id": 7, "fileId": 70, "notebookUrl": notebook_url,
                   "mostRecentDeployment": {"deploymentId": 3, "state": "running"}})
            .to_string(),
        )],
    );
    mock.script(
        "GET",
        "/notebooks/8",
        [Scripted::json(
            200,
            json!({"id": 8, "mostRecentDeployment": {"deploymentId": 4, "state": "stopped"}})
                .to_string(),
        )],
    );
    mock.script(
        "GET",
        "/storage/notebook-7.ipynb",
        [Scripted::json(200, r#"{"cells": []}"#)],
    );
    mock.script("POST", "/notebooks", [Scripted::json(200, r#"{"id": 9}"#)]);
    mock.script(
        "PATCH",
        "/notebooks/9",
        [Scripted::json(200, r#"{"id": 9}"#)],
    );
    mock.script(
        "POST",
        "/notebooks/{id}/deployments",
        [Scripted::json(
            200,
            r#"{"deploymentId": 5, "state": "pending"}"#,
        )],
    );
    mock.script(
        "DELETE",
        "/notebooks/7/deployments/3",
        [Scripted::status(204)],
    );
    let run = |args: &[&str]| {
        let output = civis(&home.0, |c| {
            c.env("CIVIS_API_KEY", "k")
                .env("CIVIS_API_ENDPOINT", mock.url())
                .arg("--spec")
                .arg(shared_spec())
                .args(args);
        });
        assert!(
            output.status.success(),
            "{args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    };
    let target = home.0.join("nb.ipynb");
    run(&["notebooks", "download", "7", target.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        r#"{"cells": []}"#
    );
    let created = run(&["notebooks", "new", "r", "--mem", "2048"]);
    assert!(created.starts_with(
        "Created new r notebook with ID 9 in Civis Platform (https://platform.civisanalytics.com/#/notebooks/9)."
    ), "{created}");
    assert!(created.contains("https://platform.civisanalytics.com/#/notebooks/9?fullscreen=true"));
    run(&["notebooks", "up", "9", "--cpu", "500"]);
    run(&["notebooks", "down", "7"]);
    let stopped = run(&["notebooks", "down", "8"]);
    assert_eq!(
        stopped.trim(),
        "Notebook is in state \"stopped\" and can't be stopped."
    );
    let opened = run(&["notebooks", "open", "12"]);
    assert_eq!(
        opened.trim(),
        "https://platform.civisanalytics.com/#/notebooks/12?fullscreen=true"
    );

    let requests = mock.requests();
    let sent: Vec<String> = requests
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.trim_end_matches('/')))
        .collect();
    assert_eq!(
        sent,
        [
            "GET /notebooks/7",
            "GET /storage/notebook-7.ipynb?signature=abc",
            "POST /notebooks",
            "POST /notebooks/9/deployments",
            "PATCH /notebooks/9",
            "POST /notebooks/9/deployments",
            "GET /notebooks/7",
            "DELETE /notebooks/7/deployments/3",
            "GET /notebooks/8",
        ]
    );
    assert_eq!(
        requests[1].header("authorization"),
        None,
        "the storage URL gets no key"
    );
    assert_eq!(
        requests[2].json(),
        Some(json!({"language": "r", "memory": 2048}))
    );
    assert_eq!(requests[4].json(), Some(json!({"cpu": 500})));
}
