//! Faults and attacks a user meets on the command line (issue 32): hostile YAML, log levels
//! that would dump the key, exit codes a script can tell apart, closed pipes and full disks,
//! and `civis mock serve` as a server that declares templates and typed tables and is polled
//! at its own pace.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use civis_mock::{MockJob, MockServer, Scripted};

use crate::support;
use support::{civis, scratch, stderr, stdout};

fn file(name: &str, text: &str) -> String {
    let path = scratch("civis-cli-faults", name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The `civis` program pointed at `mock`, not yet run.
fn program(mock: &MockServer, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_civis"));
    command
        .args(args)
        .env("CIVIS_API_KEY", "cli-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .env("CIVIS_POLL_INTERVAL", "0.02")
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    command
}

#[test]
fn a_1_kb_yaml_alias_bomb_is_refused_before_it_is_expanded() {
    let mock = MockServer::scripted().unwrap();
    // Nine levels of ten aliases: a billion strings once expanded.
    let mut bomb = String::from("a0: &a0 [\"lol\"]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 10].join(", ");
        bomb.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    assert!(bomb.len() < 1024);
    let bomb = file("bomb.yaml", &bomb);
    let started = Instant::now();
    // Capped at 1 GiB of address space, so that an expansion fails here rather than on the
    // machine.
    let output = Command::new("prlimit")
        .arg("--as=1073741824")
        .arg(env!("CARGO_BIN_EXE_civis"))
        .args([
            "scripts", "post-sql", "2", "n", "32", "select 1", "--params", &bomb,
        ])
        .env("CIVIS_API_KEY", "cli-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("aliases"), "{}", stderr(&output));
    assert!(mock.requests().is_empty());
}

/// The peak resident memory of `child` (`VmHWM`, in bytes), read until it ends.
fn peak_memory(child: &mut Child) -> u64 {
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Ok(text) = std::fs::read_to_string(&status) {
            let kb = text
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
            peak = peak.max(kb.unwrap_or(0) * 1024);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    peak
}

#[test]
fn a_big_yaml_file_is_read_in_a_small_multiple_of_its_size() {
    let mock = MockServer::scripted().unwrap();
    let mut yaml = String::from("rows:\n");
    let mut row = 0;
    while yaml.len() < 12 * 1024 * 1024 {
        row += 1;
        yaml.push_str(&format!(
            "  - {{id: {row}, name: \"customer number {row} of the big file\", active: true, score: 0.5}}\n"
        ));
    }
    let size = yaml.len() as u64;
    let path = file("big.yaml", &yaml);
    drop(yaml);
    // No key: the value is read, then the program stops before any request.
    let mut child = program(
        &mock,
        &[
            "scripts", "post-sql", "2", "n", "32", "select 1", "--params", &path,
        ],
    )
    .env_remove("CIVIS_API_KEY")
    .stdout(Stdio::null())
    .spawn()
    .unwrap();
    let peak = peak_memory(&mut child);
    let mut errors = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();
    assert!(errors.contains("no API key"), "{errors}");
    assert!(
        // 11.5 times here (the text, and JSON's objects of four short fields); 25 before.
        peak < 14 * size,
        "{} MiB for a {} MiB file",
        peak >> 20,
        size >> 20
    );
}

#[test]
fn no_log_level_dumps_a_requests_headers() {
    let mock = MockServer::scripted().unwrap();
    mock.script("GET", "/users/me", [Scripted::json(200, r#"{"id": 1}"#)]);
    for level in ["NOTSET", "0", "5", "9", "DEBUG"] {
        let output = program(&mock, &["users", "list-me"])
            .env("CIVIS_LOG_LEVEL", level)
            .stdout(Stdio::piped())
            .output()
            .unwrap();
        assert!(output.status.success(), "{level}: {}", stderr(&output));
        let errors = stderr(&output).to_lowercase();
        for secret in ["authorization", "bearer", "cli-key", "ureq"] {
            assert!(!errors.contains(secret), "{level}: {secret} in {errors}");
        }
        // The hex of "cli-key", as the byte dump writes it.
        assert!(
            !errors.contains("63 6c 69 2d 6b 65 79"),
            "{level}: {errors}"
        );
    }
}

#[test]
fn exit_codes_tell_a_failed_job_from_a_bad_setup_and_help_lists_them() {
    let mock = MockServer::scripted().unwrap();
    mock.database(32, "redshift-general");
    mock.default_database_credential(5);
    mock.job(80, MockJob::fails_after(1, "boom"));
    let help = civis(&mock, &["--help"]);
    for line in [
        "Exit codes:",
        "3    a job or run failed",
        "4    a setup to fix here",
    ] {
        assert!(stdout(&help).contains(line), "{line}: {}", stdout(&help));
    }
    let code = |args: &[&str]| civis(&mock, args).status.code();
    assert_eq!(code(&["jobs", "run", "80", "--wait"]), Some(3));
    assert_eq!(
        code(&["sql", "-d", "no-such-db", "-c", "select 1"]),
        Some(4)
    );
    assert_eq!(
        code(&["sql", "-d", "32", "-f", "/nonexistent/query.sql"]),
        Some(4)
    );
    assert_eq!(code(&["jobs", "run"]), Some(2));
    assert_eq!(code(&["scripts", "get", "12345"]), Some(1));
}

/// `command` run with its standard output a pipe whose reader has gone: it must end as it
/// would otherwise, without a panic.
fn into_a_closed_pipe(mut command: Command) -> std::process::Output {
    let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn output_to_a_closed_pipe_or_a_full_disk_ends_without_a_panic() {
    let mock = MockServer::scripted().unwrap();
    mock.database(32, "redshift-general");
    mock.default_database_credential(5);
    let data = file("upload.csv", "id,name\n1,Ada\n");
    let upload = into_a_closed_pipe(program(&mock, &["files", "upload", &data]));
    assert!(!stderr(&upload).contains("panicked"), "{}", stderr(&upload));
    assert_eq!(upload.status.code(), Some(0), "{}", stderr(&upload));

    let import = into_a_closed_pipe(program(
        &mock,
        &["tables", "import", &data, "redshift-general", "s.t"],
    ));
    assert!(!stderr(&import).contains("panicked"), "{}", stderr(&import));
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));

    let full = program(&mock, &["files", "upload", &data])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert!(!stderr(&full).contains("panicked"), "{}", stderr(&full));
    assert!(stderr(&full).contains("error: "), "{}", stderr(&full));
    assert!(!full.status.success());
}

/// `civis mock serve` with `args`, its address and the line that points a program at it.
struct Served {
    child: Child,
    url: String,
    exports: Vec<(String, String)>,
    // Kept open while it serves.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Served {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_civis"))
            .args(["mock", "serve"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        let url = first.trim().rsplit(' ').next().unwrap().to_string();
        // Its stderr, read to its end in a thread: the export line, if it prints one.
        let (lines, seen) = std::sync::mpsc::channel();
        let errors = BufReader::new(child.stderr.take().unwrap());
        std::thread::spawn(move || {
            for line in errors.lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
        let mut exports = Vec::new();
        while let Ok(line) = seen.recv_timeout(Duration::from_secs(3)) {
            if let Some(assignments) = line.trim().strip_prefix("export ") {
                exports = assignments
                    .split(' ')
                    .filter_map(|pair| pair.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                break;
            }
        }
        Self {
            child,
            url,
            exports,
            _stdout: stdout,
        }
    }

    /// The program with the environment the served mock printed.
    fn civis(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_civis"))
            .args(args)
            .env_remove("CIVIS_POLL_INTERVAL")
            .env("CIVIS_API_ENDPOINT", &self.url)
            .env("CIVIS_API_KEY", "any")
            .envs(self.exports.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .output()
            .unwrap()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_served_mock_declares_templates_and_typed_tables_and_is_polled_at_its_pace() {
    let items = file(
        "items.csv",
        "id:INTEGER,ok:BOOLEAN,\"price:DECIMAL(10,2)\"\n007,true,1.5\n",
    );
    let served = Served::start(&[
        "--database",
        "32=redshift-general",
        "--typed-table",
        &format!("32:shop.items={items}"),
        "--job",
        "7=succeeds:4",
        "--template",
        "9=succeeds:2",
    ]);
    let endpoint = served
        .exports
        .iter()
        .find(|(k, _)| k == "CIVIS_API_ENDPOINT")
        .map(|(_, v)| v.clone());
    assert_eq!(endpoint.as_deref(), Some(served.url.as_str()));

    // Four polls at the API's schedule take 1 + 1.2 + 1.44 + 1.73 s; at the mock's, moments.
    let started = Instant::now();
    let output = served.civis(&["jobs", "run", "7", "--wait"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );

    // The typed table's values as Redshift prints them.
    let output = served.civis(&["sql", "-d", "32", "-c", "select * from shop.items"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("1.50"), "{}", stdout(&output));
    assert!(!stdout(&output).contains("007"), "{}", stdout(&output));

    // A run of the template.
    let client = civis::ApiClient::builder()
        .api_key("any")
        .base_url(&served.url)
        .polling(civis::runs::Polling::every(Duration::from_millis(20)))
        .build()
        .unwrap();
    let finished = client
        .run_template(9, serde_json::json!({"N": 1}))
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(finished.state.to_string(), "succeeded");
}
