//! `civis files upload` and `civis files download` run as a user runs them, against the mock's
//! file storage.

use std::path::PathBuf;

use civis_mock::MockServer;

mod support;
use support::civis;

fn scratch(name: &str) -> PathBuf {
    support::scratch("civis-cli-files", name)
}

#[test]
fn upload_prints_the_id_and_download_writes_the_same_bytes() {
    let mock = MockServer::scripted().unwrap();
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let source = scratch("up.bin");
    std::fs::write(&source, &bytes).unwrap();

    let upload = civis(
        &mock,
        &[
            "files",
            "upload",
            source.to_str().unwrap(),
            "--name",
            "renamed.bin",
            "--description",
            "from the CLI",
            "--never-expires",
        ],
    );
    assert!(
        upload.status.success(),
        "{}",
        String::from_utf8_lossy(&upload.stderr)
    );
    // Not a terminal: no progress bar, nothing on stderr.
    assert!(
        upload.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&upload.stderr)
    );
    let id: i64 = String::from_utf8_lossy(&upload.stdout)
        .trim()
        .parse()
        .unwrap();
    let created = mock
        .requests()
        .into_iter()
        .find(|r| r.method == "POST" && r.url == "/files/")
        .unwrap();
    assert_eq!(
        created.json().unwrap(),
        serde_json::json!({"name": "renamed.bin", "description": "from the CLI", "expires_at": null})
    );

    let target = scratch("down.bin");
    let download = civis(
        &mock,
        &[
            "files",
            "download",
            &id.to_string(),
            target.to_str().unwrap(),
        ],
    );
    assert!(
        download.status.success(),
        "{}",
        String::from_utf8_lossy(&download.stderr)
    );
    assert!(download.stdout.is_empty() && download.stderr.is_empty());
    assert_eq!(std::fs::read(&target).unwrap(), bytes);
}

#[test]
fn expiry_options_conflict_and_a_missing_file_is_an_api_error() {
    let mock = MockServer::scripted().unwrap();
    let both = civis(
        &mock,
        &[
            "files",
            "upload",
            "x",
            "--expires-at",
            "2027-01-01T00:00:00Z",
            "--never-expires",
        ],
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(mock.requests().is_empty());

    // The scripted mock holds no file 5 and has no recordings: the API's 404.
    let missing = civis(
        &mock,
        &["files", "download", "5", scratch("none").to_str().unwrap()],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("404"));
}

#[test]
fn a_download_killed_midway_leaves_no_file_under_its_name_and_a_rerun_completes_it() {
    let mock = MockServer::scripted().unwrap();
    let client = civis::ApiClient::builder()
        .api_key("k")
        .base_url(mock.url())
        .build()
        .unwrap();
    let bytes: Vec<u8> = (0..2_000_000u32).map(|i| (i * 13 % 251) as u8).collect();
    let id = client
        .upload_bytes(bytes.clone(), "big.bin")
        .send()
        .unwrap();
    for signal in ["-KILL", "-INT"] {
        let target = scratch(&format!("killed{signal}.bin"));
        let partial = target.with_file_name(format!(
            ".{}.civis-partial",
            target.file_name().unwrap().to_string_lossy()
        ));
        let _ = std::fs::remove_file(&target);
        mock.stall_download_once_after(512 * 1024, std::time::Duration::from_secs(30));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_civis"))
            .args([
                "files",
                "download",
                &id.to_string(),
                target.to_str().unwrap(),
            ])
            .env("CIVIS_API_KEY", "k")
            .env("CIVIS_API_ENDPOINT", mock.url())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Until half a megabyte is on disk, under the temporary name (10 s at most).
        let started = std::time::Instant::now();
        while std::fs::metadata(&partial).map_or(0, |m| m.len()) < 512 * 1024 {
            assert!(
                started.elapsed().as_secs() < 10,
                "the download did not start"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let killed = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let _ = child.wait();
        assert!(!target.exists(), "{signal}: a file under the final name");
        assert!(
            partial.exists(),
            "{signal}: the partial file says what it is"
        );

        // The same download again: it goes on after the bytes the killed one left (Range, on
        // the same object), complete, under its name, the partial file gone.
        let left = std::fs::metadata(&partial).unwrap().len();
        mock.clear_requests();
        let output = civis(
            &mock,
            &[
                "files",
                "download",
                &id.to_string(),
                target.to_str().unwrap(),
            ],
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(std::fs::read(&target).unwrap(), bytes);
        assert!(!partial.exists());
        let ranges: Vec<(Option<String>, Option<String>)> = mock
            .requests()
            .iter()
            .filter(|r| r.url.starts_with("/storage/"))
            .map(|r| {
                (
                    r.header("range").map(String::from),
                    r.header("if-range").map(String::from),
                )
            })
            .collect();
        assert_eq!(ranges.len(), 1, "{ranges:?}");
        assert_eq!(
            ranges[0].0.as_deref(),
            Some(format!("bytes={left}-").as_str()),
            "{signal}"
        );
        assert!(ranges[0].1.is_some(), "If-Range names the object's version");
    }
}
