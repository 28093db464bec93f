//! Figures 7–10: files in and out of Civis, against the mock's file storage (a server of its
//! own on 127.0.0.1 that writes to and streams from disk).
//!
//! 7. the peak memory of a process that uploads, then downloads, a 1 GiB file;
//! 8. downloading it with `download_file(id).to_path(..)`, against a bare ureq GET of the same
//!    URL streamed to a file;
//! 9. uploading it with `upload_file(..).send()`, against bare ureq making the same API calls and
//!    sending the same parts from the file with the same parallelism (4 threads);
//! 10. civis-python 2.10.1's `file_to_civis` / `civis_to_file` against the same server, when
//!     installed.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use civis_mock::MockServer;
use serde_json::{json, Value};

use crate::calls::API_KEY;
use crate::python;
use crate::stats::{self, Row};

const GIB: u64 = 1 << 30;

fn client(url: &str) -> civis::Client {
    crate::calls::workflow_client(url, false)
}

/// A 1 GiB file of varied bytes, made once and reused by later runs.
fn source_file(work: &Path) -> PathBuf {
    let path = work.join("files-1gib.bin");
    if std::fs::metadata(&path).is_ok_and(|m| m.len() == GIB) {
        return path;
    }
    let mut block = vec![0u8; 1 << 20];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut file = io::BufWriter::new(File::create(&path).expect("create the 1 GiB file"));
    for _ in 0..1024 {
        for byte in block.iter_mut() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *byte = state as u8;
        }
        file.write_all(&block).expect("write the 1 GiB file");
    }
    file.flush().expect("write the 1 GiB file");
    path
}

/// The child process of figure 7: uploads `path`, downloads it to `out`, prints VmHWM (kB).
pub fn memory_child(url: &str, path: &str, out: &str) {
    let client = client(url);
    let id = client.upload_file(path).send().expect("the upload");
    let bytes = client.download_file(id).to_path(out).expect("the download");
    assert_eq!(bytes, GIB);
    println!(
        "VmHWM_kB {}",
        crate::calls::vm_hwm_kb().expect("VmHWM in /proc/self/status")
    );
}

fn memory(url: &str, source: &Path, out: &Path) -> Row {
    let figure = "7. peak memory (VmHWM) of a process uploading then downloading 1 GiB";
    let target = "≤ 64 MB";
    let exe = std::env::current_exe().expect("the benchmark's path");
    let output = Command::new(exe)
        .arg("--child-files-memory")
        .arg(url)
        .arg(source)
        .arg(out)
        .output();
    let kb = match output {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM_kB "))
            .and_then(|v| v.trim().parse::<u64>().ok()),
        Ok(o) => {
            eprintln!("the child failed: {}", String::from_utf8_lossy(&o.stderr));
            None
        }
        Err(e) => {
            eprintln!("the child did not run: {e}");
            None
        }
    };
    match kb {
        Some(kb) => {
            let mb = kb as f64 / 1024.0;
            Row::new(
                figure,
                format!("{mb:.1} MB"),
                "-",
                "-",
                target,
                Some(mb <= 64.0),
            )
        }
        None => Row::skipped(figure, "the child process failed (see above)", target),
    }
}

/// The presigned URL of file `id`, as a bare client reads it from `GET /files/{id}`.
fn file_url(agent: &ureq::Agent, url: &str, id: i64) -> String {
    let info: Value = agent
        .get(format!("{url}files/{id}"))
        .header("Authorization", format!("Bearer {API_KEY}"))
        .call()
        .expect("GET /files/{id}")
        .body_mut()
        .read_json()
        .expect("a file's JSON");
    info["fileUrl"].as_str().expect("a fileUrl").to_string()
}

fn bare_download(agent: &ureq::Agent, file_url: &str, out: &Path) {
    let mut response = agent.get(file_url).call().expect("the bare download");
    let mut file = File::create(out).expect("the bare download's file");
    let bytes = io::copy(&mut response.body_mut().as_reader(), &mut file).expect("the body");
    assert_eq!(bytes, GIB);
}

/// The bare upload: the same three API calls and the same parts, four threads at a time, each
/// streamed from the file with its length.
fn bare_upload(agent: &ureq::Agent, url: &str, source: &Path) {
    let parts = civis::files::parts(GIB);
    let created: Value = agent
        .post(format!("{url}files/multipart"))
        .header("Authorization", format!("Bearer {API_KEY}"))
        .send_json(json!({"name": "bare.bin", "num_parts": parts.len()}))
        .expect("POST /files/multipart")
        .body_mut()
        .read_json()
        .expect("the multipart answer");
    let id = created["id"].as_i64().expect("an id");
    let urls: Vec<&str> = created["uploadUrls"]
        .as_array()
        .expect("upload URLs")
        .iter()
        .map(|u| u.as_str().expect("a URL"))
        .collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..civis::files::MAX_PARALLEL_PARTS {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(offset, length)) = parts.get(index) else {
                    break;
                };
                let mut file = File::open(source).expect("the source");
                file.seek(SeekFrom::Start(offset)).expect("seek");
                let mut part = io::Read::take(file, length);
                agent
                    .put(urls[index])
                    .header("Content-Length", length.to_string())
                    .send(ureq::SendBody::from_reader(&mut part))
                    .expect("a part's PUT");
            });
        }
    });
    agent
        .post(format!("{url}files/multipart/{id}/complete"))
        .header("Authorization", format!("Bearer {API_KEY}"))
        .send_empty()
        .expect("complete");
}

fn seconds(f: impl FnOnce()) -> f64 {
    let started = Instant::now();
    f();
    started.elapsed().as_secs_f64()
}

/// Alternating rounds of `ours` and `bare` (the order swapped each round); the medians and the
/// median of the per-round ratios.
fn paired(rounds: usize, mut ours: impl FnMut(), mut bare: impl FnMut()) -> (f64, f64, f64) {
    let (mut a, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (ta, tb) = if round % 2 == 0 {
            let ta = seconds(&mut ours);
            (ta, seconds(&mut bare))
        } else {
            let tb = seconds(&mut bare);
            (seconds(&mut ours), tb)
        };
        a.push(ta);
        b.push(tb);
        ratios.push(ta / tb);
    }
    (stats::median(&a), stats::median(&b), stats::median(&ratios))
}

/// Figures 7 to 10.
pub fn files(work: &Path, spec: &Path, quick: bool, run_python: bool) -> Vec<Row> {
    let rounds = if quick { 2 } else { 5 };
    let source = source_file(work);
    let out = work.join("files-download.bin");
    let mut rows = Vec::new();
    let agent = ureq::Agent::new_with_defaults();

    {
        let mock = MockServer::scripted().expect("the mock");
        rows.push(memory(mock.url(), &source, &out));
    }

    // Figure 8: one stored file, downloaded by each side in turn.
    let download = {
        let mock = MockServer::scripted().expect("the mock");
        let ours = client(mock.url());
        let id = ours.upload_file(&source).send().expect("the upload");
        let url = file_url(&agent, mock.url(), id);
        let (ours_s, bare_s, ratio) = paired(
            rounds,
            || {
                let bytes = ours.download_file(id).to_path(&out).expect("our download");
                assert_eq!(bytes, GIB);
            },
            || bare_download(&agent, &url, &out),
        );
        rows.push(Row::new(
            "8. download 1 GiB, `download_file(id).to_path(..)`",
            format!("{ours_s:.2} s"),
            format!("bare ureq GET to a file: {bare_s:.2} s"),
            format!("{ratio:.3}×"),
            "≤ 1.1× bare ureq",
            Some(ratio <= 1.1),
        ));
        ours_s
    };

    // Figure 9: each upload into a fresh mock, by a fresh client, so that neither side meets
    // the other's stored copies or pooled connections.
    let upload_once = |ours: bool| {
        let mock = MockServer::scripted().expect("the mock");
        if ours {
            let client = client(mock.url());
            seconds(|| {
                client.upload_file(&source).send().expect("our upload");
            })
        } else {
            let agent = ureq::Agent::new_with_defaults();
            seconds(|| bare_upload(&agent, mock.url(), &source))
        }
    };
    let (mut ours_t, mut bare_t, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (a, b) = if round % 2 == 0 {
            let a = upload_once(true);
            (a, upload_once(false))
        } else {
            let b = upload_once(false);
            (upload_once(true), b)
        };
        ours_t.push(a);
        bare_t.push(b);
        ratios.push(a / b);
    }
    let upload = stats::median(&ours_t);
    let ratio = stats::median(&ratios);
    rows.push(Row::new(
        "9. upload 1 GiB (15 parts, 4 at a time), `upload_file(..).send()`",
        format!("{upload:.2} s"),
        format!(
            "bare ureq, same calls and parts: {:.2} s",
            stats::median(&bare_t)
        ),
        format!("{ratio:.3}×"),
        "≤ 1.2× bare ureq",
        Some(ratio <= 1.2),
    ));

    let figure = "10. 1 GiB upload / download, against civis-python 2.10.1";
    if !run_python {
        rows.push(Row::skipped(figure, "--no-python", "(side by side)"));
    } else {
        rows.push(python_files(figure, spec, &source, &out, upload, download));
    }
    let _ = std::fs::remove_file(&out);
    rows
}

/// The script civis-python runs: `file_to_civis` then `civis_to_file`, each timed.
const SCRIPT: &str = r#"
import sys, time
import civis
spec, source, out = sys.argv[1], sys.argv[2], sys.argv[3]
client = civis.APIClient(local_api_spec=spec)
# civis.io is imported on its first use (0.2-0.3 s, polars with it): set-up, as the client's
# creation is, so before the clock (it was counted until issue 34's third pass).
import civis.io
started = time.perf_counter()
file_id = civis.io.file_to_civis(source, "python.bin", client=client)
print("UPLOAD_S", time.perf_counter() - started)
started = time.perf_counter()
with open(out, "wb") as f:
    civis.io.civis_to_file(file_id, f, client=client)
print("DOWNLOAD_S", time.perf_counter() - started)
"#;

fn python_files(
    figure: &str,
    spec: &Path,
    source: &Path,
    out: &Path,
    ours_upload: f64,
    ours_download: f64,
) -> Row {
    let target = "(side by side)";
    let interpreter = python::interpreter();
    if let Some(why) = python::unavailable(&interpreter) {
        eprintln!(
            "civis-python files skipped: {why}. Install it with `pip install civis=={}`.",
            python::VERSION
        );
        return Row::skipped(
            figure,
            format!("{why}: pip install civis=={}", python::VERSION),
            target,
        );
    }
    let mock = MockServer::scripted().expect("the mock");
    let output = Command::new(&interpreter)
        .args(["-c", SCRIPT])
        .arg(spec)
        .arg(source)
        .arg(out)
        .env("CIVIS_API_ENDPOINT", mock.url())
        .env("CIVIS_API_KEY", API_KEY)
        .output();
    let text = match output {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => {
            eprintln!(
                "civis-python failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            return Row::skipped(figure, "civis-python failed (see above)", target);
        }
        Err(e) => return Row::skipped(figure, format!("civis-python did not run: {e}"), target),
    };
    let value = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().parse::<f64>().ok())
    };
    match (value("UPLOAD_S "), value("DOWNLOAD_S ")) {
        (Some(up), Some(down)) => Row::new(
            figure,
            format!("{ours_upload:.2} s / {ours_download:.2} s"),
            format!("civis-python {}: {up:.2} s / {down:.2} s", python::VERSION),
            format!(
                "ours {:.1}× / {:.1}× faster",
                up / ours_upload,
                down / ours_download
            ),
            target,
            None,
        ),
        _ => Row::skipped(figure, format!("no timings in: {text}"), target),
    }
}
