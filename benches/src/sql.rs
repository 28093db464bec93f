//! Figures 11–13: a SQL export of 2 million rows from the mock's database (a local server on
//! 127.0.0.1, whose export run writes gzipped CSV into its storage), read by each side in a
//! process of its own so that its peak memory is its own.
//!
//! 11. `client.sql(..).rows()` iterated to the end: rows per second, against civis-python
//!     2.10.1's `read_civis_sql` on the same export (the same calls, the same run, the same
//!     bytes), when installed;
//! 12. the peak memory (VmHWM) of the process doing 11, and civis-python's (`ru_maxrss`);
//! 13. `client.sql(..).to_csv(path)` (plain CSV), against civis-python's `civis_to_csv`.
//!
//! Both sides poll every 50 ms, so the figures are the export, the download and the parse, not
//! the polling schedule. The mock writes the export when the run starts; that time is in both
//! sides' figures alike.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use civis_mock::{MockRows, MockServer};

use crate::calls::API_KEY;
use crate::python;
use crate::stats::Row;

const ROWS: usize = 2_000_000;
const SQL: &str = "select * from bench.orders";
const DATABASE: &str = "bench-db";

/// A mock whose database returns the 2-million-row result for [`SQL`].
fn mock() -> MockServer {
    let mock = MockServer::scripted().expect("the mock");
    mock.database(41, DATABASE);
    mock.default_database_credential(1);
    let mut rows = MockRows::new(["id", "customer", "amount", "created_at", "note"]);
    rows.rows.reserve(ROWS);
    for i in 0..ROWS {
        let customer = if i % 10 == 0 {
            format!("Customer {i}, \"VIP\"")
        } else {
            format!("Customer {i}")
        };
        rows.rows.push(vec![
            Some(i.to_string()),
            Some(customer),
            Some(format!("{}.{:02}", i % 10_000, i % 100)),
            Some(format!(
                "2026-{:02}-{:02} 12:{:02}:00",
                i % 12 + 1,
                i % 28 + 1,
                i % 60
            )),
            (i % 3 != 0).then(|| "multi\nline note".to_string()),
        ]);
    }
    mock.sql_returns(SQL, rows);
    mock
}

/// The child process of figures 11–13: `rows` iterates the export, `to_csv` writes it to `out`;
/// prints the counts, times and VmHWM.
pub fn child(url: &str, mode: &str, out: &str) {
    let client = crate::calls::workflow_client(url, true);
    let started = Instant::now();
    if mode == "rows" {
        let rows = client.sql(SQL, DATABASE).rows().expect("the export");
        let streaming = Instant::now();
        let mut count = 0usize;
        let mut fields = 0usize;
        for record in rows {
            fields += record.expect("a record").iter().count();
            count += 1;
        }
        assert_eq!(count, ROWS + 1, "the header and every row");
        assert_eq!(fields, (ROWS + 1) * 5);
        println!("STREAM_S {}", streaming.elapsed().as_secs_f64());
        println!("ROWS {}", count - 1);
    } else {
        let bytes = client.sql(SQL, DATABASE).to_csv(out).expect("the export");
        println!("BYTES {bytes}");
    }
    println!("TOTAL_S {}", started.elapsed().as_secs_f64());
    println!(
        "VmHWM_kB {}",
        crate::calls::vm_hwm_kb().expect("VmHWM in /proc/self/status")
    );
}

/// `KEY value` lines of a child's output.
pub(crate) fn value(text: &str, key: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
}

/// The child's stdout, or its stderr when it failed.
pub(crate) fn run(command: &mut Command) -> Result<String, String> {
    match command.output() {
        Ok(o) if o.status.success() => Ok(String::from_utf8_lossy(&o.stdout).into_owned()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr).into_owned()),
        Err(e) => Err(e.to_string()),
    }
}

const SCRIPT: &str = r#"
import sys, time, resource
import civis
spec, mode, out, sql, db = sys.argv[1:6]
client = civis.APIClient(local_api_spec=spec)
# civis.io is imported on its first use (0.2-0.3 s, polars with it): set-up, as the client's
# creation is, so before the clock (it was counted until issue 34's third pass).
import civis.io
started = time.perf_counter()
if mode == "rows":
    data = civis.io.read_civis_sql(sql, db, client=client, polling_interval=0.05)
    assert len(data) == 2_000_001, len(data)
    print("ROWS", len(data) - 1)
else:
    civis.io.civis_to_csv(out, sql, db, client=client, polling_interval=0.05).result()
print("TOTAL_S", time.perf_counter() - started)
print("MAXRSS_kB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"#;

/// Figures 11 to 13.
pub fn sql(work: &Path, spec: &Path, run_python: bool) -> Vec<Row> {
    let mock = mock();
    let exe = std::env::current_exe().expect("the benchmark's path");
    let out = work.join("sql-export.csv");
    let ours = |mode: &str| {
        run(Command::new(&exe)
            .arg("--child-sql")
            .arg(mock.url())
            .arg(mode)
            .arg(&out))
    };
    let interpreter = python::interpreter();
    let python_missing = if run_python {
        python::unavailable(&interpreter)
    } else {
        Some("--no-python".to_string())
    };
    let theirs = |mode: &str| -> Result<String, String> {
        if let Some(why) = &python_missing {
            return Err(why.clone());
        }
        run(Command::new(&interpreter)
            .args(["-c", SCRIPT])
            .arg(spec)
            .arg(mode)
            .arg(work.join("sql-export-python.csv"))
            .args([SQL, DATABASE])
            .env("CIVIS_API_ENDPOINT", mock.url())
            .env("CIVIS_API_KEY", API_KEY))
    };
    let mut rows = Vec::new();

    let figure = "11. `.rows()` over a 2,000,000-row export, rows/s";
    let target = "≥ 5× civis-python's read_civis_sql";
    let rows_out = ours("rows");
    let python_rows = theirs("rows");
    match &rows_out {
        Ok(text) => {
            let total = value(text, "TOTAL_S").unwrap_or(f64::NAN);
            let stream = value(text, "STREAM_S").unwrap_or(f64::NAN);
            let ours_rate = ROWS as f64 / total;
            let ours_text = format!(
                "{:.2} M rows/s ({total:.2} s; the parse alone {:.2} M rows/s)",
                ours_rate / 1e6,
                ROWS as f64 / stream / 1e6
            );
            rows.push(match &python_rows {
                Ok(py) => {
                    let py_total = value(py, "TOTAL_S").unwrap_or(f64::NAN);
                    let ratio = py_total / total;
                    Row::new(
                        figure,
                        ours_text,
                        format!(
                            "civis-python {}: {:.2} M rows/s ({py_total:.2} s)",
                            python::VERSION,
                            ROWS as f64 / py_total / 1e6
                        ),
                        format!("{ratio:.1}×"),
                        target,
                        Some(ratio >= 5.0),
                    )
                }
                Err(why) => {
                    eprintln!("civis-python read_civis_sql skipped: {why}");
                    Row::new(
                        figure,
                        ours_text,
                        format!("skipped: {}", first_line(why)),
                        "-",
                        target,
                        None,
                    )
                }
            });
            let kb = value(text, "VmHWM_kB").unwrap_or(f64::NAN);
            let mb = kb / 1024.0;
            let reference = match &python_rows {
                Ok(py) => format!(
                    "civis-python: {:.0} MB",
                    value(py, "MAXRSS_kB").unwrap_or(f64::NAN) / 1024.0
                ),
                Err(_) => "-".to_string(),
            };
            rows.push(Row::new(
                "12. peak memory (VmHWM) of the process doing 11",
                format!("{mb:.1} MB"),
                reference,
                "-",
                "≤ 48 MB",
                Some(mb <= 48.0),
            ));
        }
        Err(why) => {
            eprintln!("the .rows() child failed: {why}");
            rows.push(Row::skipped(figure, "the child failed (see above)", target));
        }
    }

    let figure = "13. `.to_csv(path)` of the same export (plain CSV)";
    let to_csv = ours("to_csv");
    let python_csv = theirs("to_csv");
    rows.push(match &to_csv {
        Ok(text) => {
            let total = value(text, "TOTAL_S").unwrap_or(f64::NAN);
            let mib = value(text, "BYTES").unwrap_or(f64::NAN) / 1024.0 / 1024.0;
            let ours_text = format!(
                "{total:.2} s ({mib:.0} MiB, peak {:.1} MB)",
                value(text, "VmHWM_kB").unwrap_or(f64::NAN) / 1024.0
            );
            match &python_csv {
                Ok(py) => {
                    let py_total = value(py, "TOTAL_S").unwrap_or(f64::NAN);
                    Row::new(
                        figure,
                        ours_text,
                        format!(
                            "civis-python civis_to_csv: {py_total:.2} s (peak {:.0} MB)",
                            value(py, "MAXRSS_kB").unwrap_or(f64::NAN) / 1024.0
                        ),
                        format!("ours {:.1}× faster", py_total / total),
                        "(side by side)",
                        None,
                    )
                }
                Err(why) => Row::new(
                    figure,
                    ours_text,
                    format!("skipped: {}", first_line(why)),
                    "-",
                    "(side by side)",
                    None,
                ),
            }
        }
        Err(why) => {
            eprintln!("the .to_csv child failed: {why}");
            Row::skipped(figure, "the child failed (see above)", "(side by side)")
        }
    });
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(work.join("sql-export-python.csv"));
    rows
}

fn first_line(text: &str) -> &str {
    text.lines().last().unwrap_or_default()
}
