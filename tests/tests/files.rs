//! Files in and out of Civis against the mock's file storage: uploads (form POST and
//! multipart), downloads that resume with `Range`, and the failures scripts meet.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use civis::{config::Retry, Client, Error};
use civis_mock::{MockServer, ReceivedRequest};
use civis_tests::FakeClock;
use serde_json::{json, Value};

const KEY: &str = "files-test-api-key";

fn client(mock: &MockServer, clock: &FakeClock) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(mock.url())
        .clock(clock.clone())
        .build()
        .unwrap()
}

/// A client of `mock` that never retries.
fn without_retries(mock: &MockServer) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(mock.url())
        .retry(Retry::none())
        .build()
        .unwrap()
}

fn mock() -> MockServer {
    MockServer::scripted().unwrap()
}

/// Bytes that differ from one offset to the next (xorshift), so a shifted or repeated block
/// cannot pass for the original.
fn pattern(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

/// Cargo's scratch directory for integration tests, so runs reuse (and overwrite) the files.
fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("civis-files-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A file just past the multipart threshold (so 4 parts), written once for the tests that need
/// one, in pieces so that the test process never holds it.
fn big_file() -> &'static Path {
    static BIG: OnceLock<PathBuf> = OnceLock::new();
    BIG.get_or_init(|| {
        let path = scratch().join("big.bin");
        let mut file = File::create(&path).unwrap();
        let mut written = 0u64;
        let mut seed = 7;
        while written <= civis::files::MULTIPART_THRESHOLD {
            let piece = pattern(1 << 20, seed);
            file.write_all(&piece).unwrap();
            written += piece.len() as u64;
            seed += 1;
        }
        file.write_all(b"tail").unwrap();
        path
    })
}

/// Whether two files have the same bytes, compared piece by piece.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let (mut a, mut b) = (
        BufReader::new(File::open(a).unwrap()),
        BufReader::new(File::open(b).unwrap()),
    );
    loop {
        let (x, y) = (a.fill_buf().unwrap().to_vec(), b.fill_buf().unwrap());
        let n = x.len().min(y.len());
        if x[..n] != y[..n] {
            return false;
        }
        if n == 0 {
            return x.is_empty() && y.is_empty();
        }
        a.consume(n);
        b.consume(n);
    }
}

/// The presigned storage URL of file `id`, as `GET /files/{id}` gives it.
fn storage_url(client: &Client, id: i64) -> String {
    let api = civis::ApiClient::from(client.clone());
    let described = api.call("files", "get", json!({"id": id})).unwrap();
    described
        .get("file_url")
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn storage_requests(mock: &MockServer) -> Vec<ReceivedRequest> {
    mock.requests()
        .into_iter()
        .filter(|r| r.url.starts_with("/storage/"))
        .collect()
}

fn api_requests(mock: &MockServer, method: &str, path: &str) -> Vec<ReceivedRequest> {
    mock.requests()
        .into_iter()
        .filter(|r| r.method == method && r.url.split('?').next() == Some(path))
        .collect()
}

#[test]
fn small_files_round_trip_byte_for_byte_from_a_path_and_from_a_reader() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    for (size, seed) in [(0usize, 1u64), (1024, 2), (3 << 20, 3)] {
        let bytes = pattern(size, seed);
        let path = write_file(&format!("small-{size}.bin"), &bytes);

        let from_path = client.upload_file(&path).send().unwrap();
        // What storage holds is the file itself, not a form around it.
        let stored = mock.stored_file(from_path).unwrap();
        assert_eq!(std::fs::read(stored).unwrap(), bytes, "{size} bytes stored");
        let out = scratch().join(format!("small-{size}.out"));
        let written = client.download_file(from_path).to_path(&out).unwrap();
        assert_eq!(written, size as u64);
        assert_eq!(
            std::fs::read(&out).unwrap(),
            bytes,
            "{size} bytes from a path"
        );

        let from_reader = client
            .upload_reader(bytes.as_slice(), format!("reader-{size}.bin"))
            .send()
            .unwrap();
        assert_ne!(from_reader, from_path);
        let mut downloaded = Vec::new();
        client
            .download_file(from_reader)
            .to_writer(&mut downloaded)
            .unwrap();
        assert_eq!(downloaded, bytes, "{size} bytes from a reader");
        let in_memory = client.download_file(from_reader).bytes().unwrap();
        assert_eq!(in_memory, bytes, "{size} bytes from bytes()");
    }
    // Up to the threshold every upload is one form POST, none goes through multipart.
    assert_eq!(api_requests(&mock, "POST", "/files/").len(), 6);
    assert!(api_requests(&mock, "POST", "/files/multipart").is_empty());
    let names: Vec<Value> = api_requests(&mock, "POST", "/files/")
        .iter()
        .map(|r| r.json().unwrap()["name"].clone())
        .collect();
    assert_eq!(names[0], json!("small-0.bin"));
    assert_eq!(names[1], json!("reader-0.bin"));
}

#[test]
fn files_past_the_threshold_go_in_parallel_parts_and_round_trip() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let big = big_file();
    let size = std::fs::metadata(big).unwrap().len();
    let parts = civis::files::parts(size);
    assert_eq!(parts.len(), 4);

    let from_path = client.upload_file(big).send().unwrap();
    let from_reader = client
        .upload_reader(File::open(big).unwrap(), "big-from-reader.bin")
        .send()
        .unwrap();

    let created = api_requests(&mock, "POST", "/files/multipart");
    assert_eq!(created.len(), 2);
    assert_eq!(created[0].json().unwrap()["num_parts"], json!(4));
    assert_eq!(
        created[1].json().unwrap()["name"],
        json!("big-from-reader.bin")
    );
    let puts: Vec<ReceivedRequest> = storage_requests(&mock)
        .into_iter()
        .filter(|r| r.method == "PUT")
        .collect();
    assert_eq!(puts.len(), 8);
    for put in &puts {
        let part = part_number(&put.url);
        assert_eq!(
            put.header("content-length"),
            Some(parts[part - 1].1.to_string().as_str()),
            "{}",
            put.url
        );
    }
    for id in [from_path, from_reader] {
        assert_eq!(
            api_requests(&mock, "POST", &format!("/files/multipart/{id}/complete")).len(),
            1
        );
        assert!(
            same_bytes(big, &mock.stored_file(id).unwrap()),
            "parts joined out of order"
        );
        let out = scratch().join(format!("big-{id}.out"));
        assert_eq!(client.download_file(id).to_path(&out).unwrap(), size);
        assert!(same_bytes(big, &out), "file {id} differs");
        std::fs::remove_file(out).unwrap();
    }
}

#[test]
fn an_upload_part_that_fails_once_is_retried() {
    let mock = mock();
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    mock.fail_part_once(2, 503);
    let id = client.upload_file(big_file()).send().unwrap();

    let mut puts_per_part = [0; 4];
    for put in storage_requests(&mock).iter().filter(|r| r.method == "PUT") {
        let part = part_number(&put.url);
        puts_per_part[part - 1] += 1;
    }
    assert_eq!(puts_per_part, [1, 2, 1, 1]);
    assert_eq!(clock.sleeps().len(), 1, "one wait before the retry");
    let out = scratch().join("retried.out");
    client.download_file(id).to_path(&out).unwrap();
    assert!(same_bytes(big_file(), &out));
    std::fs::remove_file(out).unwrap();
}

#[test]
fn a_part_that_keeps_failing_is_an_error_naming_it_and_the_upload_is_not_completed() {
    let mock = mock();
    let client = without_retries(&mock);
    mock.fail_part_once(3, 500);
    let error = client.upload_file(big_file()).send().unwrap_err();
    let Error::UploadPart {
        file_id,
        part,
        parts,
        source,
    } = &error
    else {
        panic!("expected an UploadPart error, got {error:?}");
    };
    assert_eq!((*part, *parts), (3, 4));
    assert!(
        matches!(
            **source,
            Error::Storage {
                status: Some(500),
                ..
            }
        ),
        "{source:?}"
    );
    assert!(error.to_string().contains("part 3 of 4"), "{error}");
    assert!(api_requests(
        &mock,
        "POST",
        &format!("/files/multipart/{file_id}/complete")
    )
    .is_empty());
    assert!(matches!(
        client.download_file(*file_id).to_writer(&mut Vec::new()),
        Err(Error::FileExpired { .. })
    ));
}

#[test]
fn a_download_that_drops_at_40_percent_completes_with_one_range_request() {
    let mock = mock();
    let clock = FakeClock::default();
    let client = client(&mock, &clock);
    let bytes = pattern(3 << 20, 40);
    let id = client
        .upload_reader(bytes.as_slice(), "drop.bin")
        .send()
        .unwrap();
    let cut = bytes.len() as u64 * 4 / 10;
    mock.drop_download_once_after(cut);
    mock.clear_requests();

    let progress = Arc::new(Mutex::new(Vec::new()));
    let seen = progress.clone();
    let mut downloaded = Vec::new();
    client
        .download_file(id)
        .progress(move |done, total| seen.lock().unwrap().push((done, total)))
        .to_writer(&mut downloaded)
        .unwrap();
    assert!(downloaded == bytes, "the resumed download differs");

    let gets = storage_requests(&mock);
    assert_eq!(gets.len(), 2);
    assert_eq!(gets[0].header("range"), None);
    assert_eq!(
        gets[1].header("range"),
        Some(format!("bytes={cut}-").as_str())
    );
    let progress = progress.lock().unwrap();
    assert!(progress.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(
        progress.last(),
        Some(&(bytes.len() as u64, bytes.len() as u64))
    );
}

#[test]
fn with_retries_off_a_dropped_download_is_an_error_that_hides_the_signature() {
    let mock = mock();
    let client = without_retries(&mock);
    let bytes = pattern(100_000, 5);
    let id = client
        .upload_reader(bytes.as_slice(), "once.bin")
        .send()
        .unwrap();
    mock.drop_download_once_after(10);
    let error = client
        .download_file(id)
        .to_writer(&mut Vec::new())
        .unwrap_err();
    assert!(
        matches!(&error, Error::Storage { method, status: None, .. } if method == "GET"),
        "{error:?}"
    );
    assert!(!error.to_string().contains("X-Amz-Signature"), "{error}");
}

#[test]
fn an_expired_file_is_a_clear_error() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let id = client
        .upload_reader(&b"old data"[..], "old.csv")
        .send()
        .unwrap();
    assert!(mock.expire_file(id));
    let out = scratch().join("expired.out");
    let error = client.download_file(id).to_path(&out).unwrap_err();
    assert!(
        matches!(error, Error::FileExpired { id: e } if e == id),
        "{error:?}"
    );
    assert!(error.to_string().contains("expired"), "{error}");
    assert!(!out.exists(), "a failed download leaves no file");
}

#[test]
fn a_description_longer_than_512_characters_is_refused_before_any_request() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let error = client
        .upload_reader(&b"x"[..], "x.csv")
        .description("é".repeat(513))
        .send()
        .unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains("513") && m.contains("512")),
        "{error:?}"
    );
    assert!(mock.requests().is_empty());

    // 512 characters (1,024 bytes of UTF-8) are allowed.
    let description = "é".repeat(512);
    client
        .upload_reader(&b"x"[..], "x.csv")
        .description(description.as_str())
        .send()
        .unwrap();
    let sent = api_requests(&mock, "POST", "/files/");
    assert_eq!(sent[0].json().unwrap()["description"], json!(description));
}

#[test]
fn expiry_is_sent_as_asked_and_never_expires_sends_null() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    client
        .upload_reader(&b"1"[..], "default.csv")
        .send()
        .unwrap();
    client
        .upload_reader(&b"2"[..], "never.csv")
        .never_expires()
        .send()
        .unwrap();
    client
        .upload_reader(&b"3"[..], "dated.csv")
        .expires_at("2027-01-01T00:00:00Z")
        .send()
        .unwrap();
    let bodies: Vec<Value> = api_requests(&mock, "POST", "/files/")
        .iter()
        .map(|r| r.json().unwrap())
        .collect();
    assert_eq!(bodies[0], json!({"name": "default.csv"}));
    assert_eq!(bodies[1], json!({"name": "never.csv", "expires_at": null}));
    assert_eq!(
        bodies[2],
        json!({"name": "dated.csv", "expires_at": "2027-01-01T00:00:00Z"})
    );
}

#[test]
fn the_api_key_never_reaches_the_storage_urls() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let id = client
        .upload_reader(&b"a,b\n1,2\n"[..], "k.csv")
        .send()
        .unwrap();
    mock.drop_download_once_after(3);
    client.download_file(id).to_writer(&mut Vec::new()).unwrap();
    client.upload_file(big_file()).send().unwrap();

    let storage = storage_requests(&mock);
    assert!(storage.iter().any(|r| r.method == "POST"));
    assert!(storage.iter().any(|r| r.method == "PUT"));
    assert!(storage.iter().filter(|r| r.method == "GET").count() >= 2);
    for request in &storage {
        assert_eq!(request.header("authorization"), None, "{}", request.url);
        assert!(
            request.headers.iter().all(|(_, v)| !v.contains(KEY)),
            "{request:?}"
        );
        if request.method != "GET" {
            assert!(
                request.header("content-length").is_some(),
                "{}",
                request.url
            );
            assert_eq!(request.header("transfer-encoding"), None, "{}", request.url);
        }
    }
    let api: Vec<ReceivedRequest> = mock
        .requests()
        .into_iter()
        .filter(|r| !r.url.starts_with("/storage/"))
        .collect();
    assert!(!api.is_empty());
    for request in api {
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {KEY}").as_str())
        );
    }
}

#[test]
fn json_goes_up_and_comes_back_and_a_reader_streams_lines() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let value = json!({"rows": [1, 2, 3], "name": "summary"});
    let id = client
        .upload_json(&value)
        .name("summary.json")
        .send()
        .unwrap();
    let back: Value = client.download_file(id).json().unwrap();
    assert_eq!(back, value);
    // civis.io.json_to_file(value): named "file.json" (json.dump writes `{"rows": [1, 2, 3]}`,
    // the same JSON with spaces); json_to_file(value, indent=2) is indented as serde_json's
    // pretty form.
    let posted = |mock: &MockServer| {
        mock.requests()
            .iter()
            .rfind(|r| r.method == "POST" && r.url.trim_end_matches('/') == "/files")
            .and_then(|r| r.json())
            .unwrap()
    };
    let compact = client
        .upload_json(&json!({"rows": [1, 2, 3]}))
        .send()
        .unwrap();
    assert_eq!(posted(&mock)["name"], "file.json");
    assert_eq!(
        client.download_file(compact).bytes().unwrap(),
        br#"{"rows":[1,2,3]}"#
    );
    let pretty = client
        .upload_json_pretty(&json!({"rows": [1]}))
        .send()
        .unwrap();
    assert_eq!(posted(&mock)["name"], "file.json");
    assert_eq!(
        client.download_file(pretty).bytes().unwrap(),
        b"{\n  \"rows\": [\n    1\n  ]\n}"
    );

    let csv = "id,name\n1,a\n2,b\n";
    let id = client
        .upload_reader(csv.as_bytes(), "lines.csv")
        .send()
        .unwrap();
    let reader = client.download_file(id).reader().unwrap();
    assert_eq!(reader.size(), Some(csv.len() as u64));
    let mut reader = BufReader::new(reader);
    let lines: Vec<String> = (&mut reader).lines().map(Result::unwrap).collect();
    assert_eq!(lines, ["id,name", "1,a", "2,b"]);
    // Reading past the end keeps reading the end, with no new request.
    let requests = mock.requests().len();
    assert_eq!(reader.read(&mut [0; 16]).unwrap(), 0);
    assert_eq!(mock.requests().len(), requests);

    let not_json = client
        .upload_reader(&b"{oops"[..], "bad.json")
        .send()
        .unwrap();
    let error = client.download_file(not_json).json::<Value>().unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
}

#[test]
fn upload_progress_reaches_the_total() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let bytes = pattern(200_000, 9);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    client
        .upload_reader(bytes.as_slice(), "p.bin")
        .progress(move |done, total| sink.lock().unwrap().push((done, total)))
        .send()
        .unwrap();
    let seen = seen.lock().unwrap();
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(seen.last(), Some(&(200_000, 200_000)));
}

#[test]
fn a_runs_file_output_is_found_by_name_or_test() {
    let mock = civis_mock::MockServer::scripted().unwrap();
    mock.job(
        5,
        civis_mock::MockJob::succeeds_after(0)
            .output("report.csv", "File", 71)
            .output("summary", "JSONValue", 72)
            .output("data-2026.csv", "File", 73),
    );
    let client = civis::Client::builder()
        .api_key("k")
        .base_url(mock.url())
        .build()
        .unwrap();
    let run = client.run_job(5).unwrap();
    assert_eq!(
        client
            .file_id_from_run_output(5, run.run_id(), "data-2026.csv")
            .unwrap(),
        73
    );
    assert_eq!(
        client
            .file_id_from_run_output_matching(5, run.run_id(), |n| n.starts_with("data-"))
            .unwrap(),
        73
    );
    // A JSON value of that name is not a file.
    let error = client
        .file_id_from_run_output(5, run.run_id(), "summary")
        .unwrap_err();
    assert!(matches!(error, civis::Error::NotFound(_)), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!(
            "no file output called \"summary\": the file outputs of run {} of job 5 are \"report.csv\", \"data-2026.csv\"",
            run.run_id()
        )
    );
}

/// The part number at the end of a multipart upload URL's path (`.../parts/3?signature`).
fn part_number(url: &str) -> usize {
    let path = url.split('?').next().unwrap_or(url);
    path.rsplit('/')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no part number in {url}"))
}

#[test]
fn a_file_over_five_tebibytes_is_refused_before_any_request() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    // A sparse file: its size is past the limit, its blocks on disk none.
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("over-5-tib.bin");
    File::create(&path)
        .unwrap()
        .set_len(civis::files::MAX_FILE_SIZE + 1)
        .unwrap();
    let result = client.upload_file(&path).send();
    std::fs::remove_file(&path).unwrap();
    // civis-python: ValueError("File is greater than the maximum allowable file size (5TB)").
    let error = result.unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains("5 TiB") && m.contains("nothing was sent")),
        "{error}"
    );
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
}

#[test]
fn a_failed_download_over_a_good_file_leaves_it_as_it_was() {
    let mock = mock();
    let client = Client::builder()
        .api_key(KEY)
        .base_url(mock.url())
        .clock(FakeClock::default())
        .retry(Retry::none())
        .build()
        .unwrap();
    let id = client
        .upload_bytes(pattern(300_000, 5), "data.bin")
        .send()
        .unwrap();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("good-copy.bin");
    std::fs::write(&path, b"the good copy").unwrap();
    mock.drop_download_once_after(100_000);
    let error = client.download_file(id).to_path(&path).unwrap_err();
    assert!(!matches!(error, Error::Usage(_)), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), b"the good copy");
    // The bytes received are kept for a rerun, and the error says where.
    let partial = path.with_file_name(".good-copy.bin.civis-partial");
    assert_eq!(std::fs::metadata(&partial).unwrap().len(), 100_000);
    assert!(
        error.to_string().contains(&partial.display().to_string()),
        "{error}"
    );
    // A whole download replaces it, going on from the bytes kept.
    mock.clear_requests();
    client.download_file(id).to_path(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), pattern(300_000, 5));
    assert_eq!(
        storage_requests(&mock)[0].header("range"),
        Some("bytes=100000-")
    );
    assert!(!partial.exists());
}

#[test]
fn a_directory_upload_sends_nothing_and_fails_at_once() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    let error = client.upload_file(&dir).send().unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains("not a regular file")),
        "{error}"
    );
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
}

#[test]
fn a_refused_storage_host_fails_within_seconds() {
    // A loopback port nothing listens on any more: the connection is refused at once.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let mock = mock();
    mock.script(
        "GET",
        "/files/{id}",
        [civis_mock::Scripted::json(
            200,
            json!({"id": 5, "name": "x.csv", "fileSize": 10,
                   "fileUrl": format!("http://127.0.0.1:{port}/storage/x.csv")})
            .to_string(),
        )],
    );
    let client = Client::builder()
        .api_key(KEY)
        .base_url(mock.url())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let error = client.download_file(5).bytes().unwrap_err();
    assert!(
        matches!(error, Error::Storage { status: None, .. }),
        "{error}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_trickling_download_fails_within_its_stall_window() {
    let mock = mock();
    let client = Client::builder()
        .api_key(KEY)
        .base_url(mock.url())
        .stalled_transfer(civis::config::StalledTransfer {
            min_bytes_per_second: 1000,
            grace: std::time::Duration::from_secs(1),
        })
        .build()
        .unwrap();
    let id = client
        .upload_bytes(pattern(100_000, 9), "slow.bin")
        .send()
        .unwrap();
    // 10 bytes every 100 ms: 100 bytes/s, a tenth of the floor.
    mock.trickle_download_once(10, std::time::Duration::from_millis(100));
    let started = std::time::Instant::now();
    let error = client.download_file(id).bytes().unwrap_err();
    assert!(
        matches!(&error, Error::Storage { message, .. } if message.contains("stalled")),
        "{error}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // At full speed the same download passes the check.
    assert_eq!(
        client.download_file(id).bytes().unwrap(),
        pattern(100_000, 9)
    );
}

#[test]
fn a_stale_file_size_says_which_way_storage_differs() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let id = client
        .upload_bytes(pattern(50_000, 3), "sized.bin")
        .send()
        .unwrap();
    let url = storage_url(&client, id);
    for (size, says) in [(60_000, "shorter object"), (40_000, "went past")] {
        mock.script(
            "GET",
            &format!("/files/{id}"),
            [civis_mock::Scripted::json(
                200,
                json!({"id": id, "name": "sized.bin", "fileSize": size, "fileUrl": url})
                    .to_string(),
            )],
        );
        let error = client.download_file(id).bytes().unwrap_err();
        assert!(
            matches!(&error, Error::FileSize { expected, .. } if *expected == size),
            "{error}"
        );
        assert!(error.to_string().contains(says), "{error}");
    }
}

#[test]
fn an_interrupted_download_of_a_replaced_object_starts_afresh() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let id = client
        .upload_bytes(pattern(200_000, 4), "v1.bin")
        .send()
        .unwrap();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("replaced.bin");
    // What a killed download of another version of the object left: bytes, and a note of an
    // ETag storage no longer has.
    let partial = path.with_file_name(".replaced.bin.civis-partial");
    std::fs::write(&partial, vec![0u8; 50_000]).unwrap();
    std::fs::write(
        partial.with_file_name(".replaced.bin.civis-partial.json"),
        json!({"file_id": id, "etag": "\"an-older-version\""}).to_string(),
    )
    .unwrap();
    assert_eq!(client.download_file(id).to_path(&path).unwrap(), 200_000);
    assert_eq!(std::fs::read(&path).unwrap(), pattern(200_000, 4));
    assert!(!partial.exists());
}

/// A reader that, at its end, counts this process's upload spool files that have a name.
struct CountingSpools {
    data: std::io::Cursor<Vec<u8>>,
    named_at_end: Arc<Mutex<Option<usize>>>,
}

impl Read for CountingSpools {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.data.read(buf)?;
        if n == 0 {
            let prefix = format!("civis-upload-{}-", std::process::id());
            let named = std::fs::read_dir(std::env::temp_dir())?
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
                .count();
            *self.named_at_end.lock().unwrap() = Some(named);
        }
        Ok(n)
    }
}

#[cfg(unix)]
#[test]
fn an_upload_spool_has_no_name_a_killed_process_could_leave_behind() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let named_at_end = Arc::new(Mutex::new(None));
    let reader = CountingSpools {
        data: std::io::Cursor::new(pattern(60 * 1024 * 1024, 8)),
        named_at_end: named_at_end.clone(),
    };
    // Past the multipart threshold: the parts read the spool at their offsets, in parallel.
    let id = client.upload_reader(reader, "spooled.bin").send().unwrap();
    assert_eq!(*named_at_end.lock().unwrap(), Some(0));
    assert_eq!(
        client.download_file(id).bytes().unwrap(),
        pattern(60 * 1024 * 1024, 8)
    );
}

/// The ETag the mock's storage gives file `id` of `size` bytes.
fn mock_etag(id: i64, size: usize) -> String {
    format!("\"{id}-{size}\"")
}

/// A fresh directory under the scratch one.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = scratch().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A stored file to download to `out.bin` in a fresh directory `dir`, and the names of the
/// partial file and the note an earlier download of it would leave there.
struct Beside {
    mock: MockServer,
    client: Client,
    bytes: Vec<u8>,
    id: i64,
    dir: PathBuf,
    target: PathBuf,
    partial: PathBuf,
    note: PathBuf,
}

fn beside(dir: &str, size: usize, seed: u64) -> Beside {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let bytes = pattern(size, seed);
    let id = client
        .upload_bytes(bytes.clone(), "stored.bin")
        .send()
        .unwrap();
    let dir = fresh_dir(dir);
    Beside {
        target: dir.join("out.bin"),
        partial: dir.join(".out.bin.civis-partial"),
        note: dir.join(".out.bin.civis-partial.json"),
        mock,
        client,
        bytes,
        id,
        dir,
    }
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_the_partial_file_or_its_note_is_never_written_through() {
    use std::os::unix::fs::symlink;
    // The mock is kept to the end: dropping it removes its storage.
    let Beside {
        mock: _mock,
        client,
        bytes,
        id,
        dir,
        target,
        partial,
        note,
        ..
    } = beside("planted-links", 100_000, 21);
    let victim = dir.join("victim.txt");
    let resume_note = json!({"file_id": id, "etag": mock_etag(id, bytes.len())}).to_string();
    // A link at the partial name; a link at the note; a link at the partial name with a note
    // that would resume through it.
    for case in ["partial", "note", "resume through the link"] {
        std::fs::write(&victim, "precious").unwrap();
        let _ = std::fs::remove_file(&target);
        match case {
            "partial" => symlink(&victim, &partial).unwrap(),
            "note" => symlink(&victim, &note).unwrap(),
            _ => {
                symlink(&victim, &partial).unwrap();
                std::fs::write(&note, &resume_note).unwrap();
            }
        }
        let written = client.download_file(id).to_path(&target).unwrap();
        assert_eq!(written, bytes.len() as u64, "{case}");
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious", "{case}");
        let metadata = std::fs::symlink_metadata(&target).unwrap();
        assert!(metadata.file_type().is_file(), "{case}: {metadata:?}");
        assert!(std::fs::read(&target).unwrap() == bytes, "{case}");
        assert!(std::fs::symlink_metadata(&partial).is_err(), "{case}");
        assert!(std::fs::symlink_metadata(&note).is_err(), "{case}");
    }
}

#[test]
fn resume_states_that_could_never_finish_complete_or_start_afresh() {
    let Beside {
        mock,
        client,
        bytes,
        id,
        target,
        partial,
        note,
        ..
    } = beside("resume-states", 120_000, 22);
    let etag = mock_etag(id, bytes.len());
    let longer = [bytes.as_slice(), b"and more"].concat();
    for (case, left, tag) in [
        // Killed between the last byte and the rename: storage answers 416 at the size.
        ("whole", bytes.clone(), etag.clone()),
        ("longer than the object", longer, etag.clone()),
        (
            "an ETag with CR LF",
            bytes[..1000].to_vec(),
            format!("{etag}\r\nX-Evil: 1"),
        ),
    ] {
        let _ = std::fs::remove_file(&target);
        std::fs::write(&partial, &left).unwrap();
        std::fs::write(&note, json!({"file_id": id, "etag": tag}).to_string()).unwrap();
        mock.clear_requests();
        let written = client.download_file(id).to_path(&target);
        assert_eq!(written.unwrap(), bytes.len() as u64, "{case}");
        assert!(std::fs::read(&target).unwrap() == bytes, "{case}");
        assert!(!partial.exists() && !note.exists(), "{case}");
        if case == "whole" {
            // Nothing was downloaded again.
            let gets = storage_requests(&mock);
            assert_eq!(gets.len(), 1, "{case}");
            assert_eq!(
                gets[0].header("range"),
                Some(format!("bytes={}-", bytes.len()).as_str())
            );
        }
    }
}

#[test]
fn a_target_name_of_241_to_255_bytes_downloads_and_resumes() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let bytes = pattern(200_000, 23);
    let id = client
        .upload_bytes(bytes.clone(), "long.bin")
        .send()
        .unwrap();
    let dir = fresh_dir("long-names");
    for length in [236, 241, 250, 255] {
        let target = dir.join("n".repeat(length - 4) + ".bin");
        assert_eq!(
            client.download_file(id).to_path(&target).unwrap(),
            bytes.len() as u64,
            "{length}"
        );
        assert!(std::fs::read(&target).unwrap() == bytes, "{length}");
    }
    // A failed download of a long name leaves its partial file (named in the error), and a
    // rerun goes on from it.
    let target = dir.join("r".repeat(251) + ".bin");
    let failing = without_retries(&mock);
    mock.drop_download_once_after(50_000);
    let error = failing.download_file(id).to_path(&target).unwrap_err();
    assert!(error.to_string().contains(".civis-partial"), "{error}");
    mock.clear_requests();
    client.download_file(id).to_path(&target).unwrap();
    assert!(std::fs::read(&target).unwrap() == bytes);
    let gets = storage_requests(&mock);
    assert!(
        gets[0].header("range").is_some_and(|r| r != "bytes=0-"),
        "{:?}",
        gets[0].header("range")
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("civis-partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_file_renamed_over_during_a_multipart_upload_is_not_completed() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let path = scratch().join("replaced-mid-upload.bin");
    std::fs::copy(big_file(), &path).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    // The new version an editor's save would rename over it: the same size, other bytes.
    let replacement = scratch().join("replaced-mid-upload.new");
    {
        let mut file = File::create(&replacement).unwrap();
        let mut written = 0u64;
        let mut seed = 1000;
        while written < size {
            let piece = pattern((1usize << 20).min((size - written) as usize), seed);
            file.write_all(&piece).unwrap();
            written += piece.len() as u64;
            seed += 1;
        }
    }
    // Part 2 fails once, so that its retry reads after the rename.
    mock.fail_part_once(2, 503);
    let renamed = Arc::new(std::sync::Once::new());
    let (from, to) = (replacement.clone(), path.clone());
    let result = client
        .upload_file(&path)
        .progress(move |_, _| renamed.call_once(|| std::fs::rename(&from, &to).unwrap()))
        .send();
    let error = result.expect_err("a mix of two files was uploaded as one");
    assert!(
        error.to_string().contains("changed while it was uploaded"),
        "{error}"
    );
    assert!(
        error.to_string().contains("replaced-mid-upload.bin"),
        "{error}"
    );
    let created = api_requests(&mock, "POST", "/files/multipart");
    assert_eq!(created.len(), 1);
    let completes: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|r| r.url.ends_with("/complete"))
        .collect();
    assert!(completes.is_empty(), "{completes:?}");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_file_that_shrinks_during_an_upload_fails_at_once_naming_both_sizes() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    for (name, size) in [("shrinks-form.bin", 3usize << 20), ("shrinks-parts.bin", 0)] {
        let path = scratch().join(name);
        let size = if size == 0 {
            std::fs::copy(big_file(), &path).unwrap();
            std::fs::metadata(&path).unwrap().len()
        } else {
            std::fs::write(&path, pattern(size, 24)).unwrap();
            size as u64
        };
        let cut = (1u64 << 20) + 17;
        let truncated = Arc::new(std::sync::Once::new());
        let to_cut = path.clone();
        let client = client.clone();
        let (sender, receiver) = std::sync::mpsc::channel();
        let upload_path = path.clone();
        std::thread::spawn(move || {
            let result = client
                .upload_file(&upload_path)
                .progress(move |_, _| {
                    truncated.call_once(|| {
                        File::options()
                            .write(true)
                            .open(&to_cut)
                            .unwrap()
                            .set_len(cut)
                            .unwrap()
                    })
                })
                .send();
            let _ = sender.send(result);
        });
        let result = receiver
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("{name}: the upload of a shrunk file hangs"));
        let error = result.unwrap_err();
        let text = error.to_string();
        assert!(text.contains(&size.to_string()), "{name}: {text}");
        assert!(text.contains("shrank"), "{name}: {text}");
        std::fs::remove_file(&path).unwrap();
    }
}

/// Readers that size an object before they download it (polars' `read_csv` of a URL) ask
/// storage with HEAD and then for the first bytes: the mock answers as S3 does, the size
/// without the body, a closed range with just its bytes, and a fault a test scripted for the
/// next download is left for the download.
#[test]
fn storage_answers_head_and_closed_ranges_and_leaves_scripted_faults_to_the_download() {
    let mock = mock();
    let client = client(&mock, &FakeClock::default());
    let bytes = pattern(20_000, 11);
    let id = client
        .upload_bytes(bytes.clone(), "headed.bin")
        .send()
        .unwrap();
    let url = storage_url(&client, id);
    mock.drop_download_once_after(100);
    // The head of the answer (lower-cased) and its body, over a connection of its own.
    let ask = |method: &str, header: &str| {
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_at(rest.find('/').unwrap());
        let mut stream = std::net::TcpStream::connect(host).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\n{header}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let end = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&answer[..end]).to_ascii_lowercase();
        (head, answer[end + 4..].to_vec())
    };
    let (head, body) = ask("HEAD", "");
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains("content-length: 20000"), "{head}");
    assert!(head.contains("etag: "), "{head}");
    assert!(body.is_empty(), "a HEAD answer has no body");
    // The cut scripted above still meets the download, which resumes past it.
    assert_eq!(client.download_file(id).bytes().unwrap(), bytes);
    let whole_gets = storage_requests(&mock)
        .iter()
        .filter(|r| r.method == "GET")
        .count();
    assert_eq!(whole_gets, 2, "the cut download and its resumption");
    for (range, first, last) in [
        ("bytes=0-3", 0, 3),
        ("bytes=19990-30000", 19_990, 19_999),
        ("bytes=-5", 19_995, 19_999),
    ] {
        let (head, body) = ask("GET", &format!("Range: {range}\r\n"));
        assert!(head.starts_with("http/1.1 206"), "{range}: {head}");
        assert!(
            head.contains(&format!("content-range: bytes {first}-{last}/20000")),
            "{range}: {head}"
        );
        assert_eq!(body, bytes[first..=last], "{range}");
    }
}
