//! What the command-line tests share: the `civis` program run against a mock, its output as
//! text, and scratch files. (Each test file uses some of it.)
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use civis_mock::MockServer;

/// The `civis` program pointed at `mock`, with a key, run with `args`.
pub fn civis(mock: &MockServer, args: &[&str]) -> Output {
    civis_with_stdin(mock, args, "")
}

/// [`civis`] with `stdin` on its standard input.
pub fn civis_with_stdin(mock: &MockServer, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(args)
        .env("CIVIS_API_KEY", "cli-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the civis binary runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.as_bytes())
            .expect("the program reads its input");
    }
    child.wait_with_output().expect("the civis binary ends")
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A path for a scratch file called `name`, in a directory `group` of cargo's temporary
/// directory for tests.
pub fn scratch(group: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(group);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir.join(name)
}
