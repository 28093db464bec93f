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
