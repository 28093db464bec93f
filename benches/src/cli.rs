//! Figure 14: the command line's start-up with a cached spec: `civis users get-me --help`, which
//! reads and builds every command from the spec, against civis-python 2.10.1's
//! `civis users list-me --help` (its name for the same operation) from the same cache. Each is run
//! in a fresh process, in alternating rounds, from a HOME whose `.civis_api_spec.json` is fresh.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::python;
use crate::stats::{self, Row};

const FIGURE: &str = "14. CLI start-up with a cached spec (`civis users get-me --help`)";
const TARGET: &str = "≤ 100 ms";

/// Builds our release `civis`, then times both programs.
pub fn startup(work: &Path, target: &Path, spec: &Path, quick: bool, run_python: bool) -> Vec<Row> {
    let home = work.join("cli-home");
    let prepared = std::fs::create_dir_all(&home)
        .and_then(|()| std::fs::copy(spec, home.join(".civis_api_spec.json")).map(drop));
    if let Err(e) = prepared {
        return vec![Row::skipped(
            FIGURE,
            format!("cannot prepare {}: {e}", home.display()),
            TARGET,
        )];
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let built = Command::new(&cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "civis-cli",
            "--bin",
            "civis",
        ])
        .status();
    if !built.is_ok_and(|s| s.success()) {
        return vec![Row::skipped(
            FIGURE,
            "`cargo build --release -p civis-cli` failed",
            TARGET,
        )];
    }
    let ours = target.join("release/civis");
    let rounds = if quick { 5 } else { 21 };
    let python = python::interpreter();
    let civis_python = (!run_python)
        .then(|| "--no-python".to_string())
        .or_else(|| python::unavailable(&python));
    let mut ours_s = Vec::new();
    let mut theirs_s = Vec::new();
    for round in 0..rounds {
        let ours_once = || {
            time(
                &home,
                Command::new(&ours).args(["users", "get-me", "--help"]),
            )
        };
        let theirs_once = || {
            time(
                &home,
                Command::new(&python).args(["-m", "civis.cli", "users", "list-me", "--help"]),
            )
        };
        // Alternating order, so that both see the same machine state.
        if round % 2 == 0 {
            ours_s.push(ours_once());
            if civis_python.is_none() {
                theirs_s.push(theirs_once());
            }
        } else {
            if civis_python.is_none() {
                theirs_s.push(theirs_once());
            }
            ours_s.push(ours_once());
        }
    }
    let ours_s: Vec<f64> = ours_s.into_iter().flatten().collect();
    if ours_s.is_empty() {
        return vec![Row::skipped(
            FIGURE,
            format!("{} did not run", ours.display()),
            TARGET,
        )];
    }
    let ours_ms = stats::median(&ours_s) * 1e3;
    let theirs: Vec<f64> = theirs_s.into_iter().flatten().collect();
    let (reference, ratio) = match (&civis_python, theirs.is_empty()) {
        (Some(why), _) => (format!("civis-python skipped: {why}"), "-".to_string()),
        (None, true) => ("civis-python did not run".to_string(), "-".to_string()),
        (None, false) => {
            let theirs_ms = stats::median(&theirs) * 1e3;
            (
                format!("civis-python {}: {theirs_ms:.0} ms", python::VERSION),
                format!("{:.1}× faster", theirs_ms / ours_ms),
            )
        }
    };
    vec![Row::new(
        FIGURE,
        format!("{ours_ms:.1} ms"),
        reference,
        ratio,
        TARGET,
        Some(ours_ms <= 100.0),
    )]
}

/// Seconds one run of `command` took, from `home` with a fresh cache and no key; `None` when it
/// failed.
fn time(home: &PathBuf, command: &mut Command) -> Option<f64> {
    // The cache must stay fresh (both programs refresh a spec older than 24 hours).
    let _ = std::fs::File::options()
        .write(true)
        .open(home.join(".civis_api_spec.json"))
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    let started = Instant::now();
    let status = command
        .env("HOME", home)
        .env_remove("CIVIS_API_SPEC")
        .env_remove("CIVIS_API_KEY")
        .env_remove("CIVIS_API_SPEC_CACHE")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    status.success().then(|| started.elapsed().as_secs_f64())
}
