//! Figure 20 (issue 35): `to_parquet` of the 2-million-row export of the SQL and frames figures
//! (the same five columns, typed from the mock's table: a bigint, text with a quoted comma in
//! every tenth row, a `NUMERIC(10,2)`, a timestamp, text with newlines and NULLs), each write
//! in a process of its own so that its peak memory is its own: time, peak memory and the
//! file's size, zstd (the default) at 500,000 and 2,000,000 rows (memory flat in the result's
//! size) and snappy at 2,000,000. Run alone with `cargo bench -p civis-bench -- --parquet-only`.
//!
//! The tables and their rows are those of `frames.rs`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use civis::frames::ParquetCompression;
use civis_mock::MockServer;

use crate::frames::{self, DATABASE, SMALL_TABLE, TABLE};
use crate::sql::{run, value};
use crate::stats::Row;

const ROWS: usize = 2_000_000;

/// The mock of the frames figures, at 2,000,000 rows (and 500,000 in the small table).
fn mock() -> MockServer {
    frames::mock(&frames::Sizes {
        rows: ROWS,
        figures: Vec::new(),
    })
}

/// The child process of figure 20: writes `table` to `path` as Parquet with `codec` (`zstd` or
/// `snappy`); prints the rows, the time, the file's size and VmHWM.
pub fn child(url: &str, table: &str, codec: &str, path: &str) {
    let client = crate::calls::workflow_client(url, true);
    let compression = match codec {
        "snappy" => ParquetCompression::Snappy,
        _ => ParquetCompression::Zstd,
    };
    let started = Instant::now();
    let written = client
        .select_table(table, DATABASE)
        .parquet_compression(compression)
        .to_parquet(path)
        .expect("the Parquet file");
    println!("ROWS {}", written.rows);
    println!("TOTAL_S {}", started.elapsed().as_secs_f64());
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    println!("BYTES {bytes}");
    println!(
        "VmHWM_kB {}",
        crate::calls::vm_hwm_kb().expect("VmHWM in /proc/self/status")
    );
}

/// Figure 20.
pub fn parquet(work: &Path) -> Vec<Row> {
    let built = Instant::now();
    let mock = mock();
    eprintln!(
        "the mock's typed tables took {:.1} s",
        built.elapsed().as_secs_f64()
    );
    let exe = std::env::current_exe().expect("the benchmark's path");
    let path = work.join("orders.parquet");
    let write = |table: &str, codec: &str| {
        let out = run(Command::new(&exe)
            .arg("--child-parquet")
            .arg(mock.url())
            .arg(table)
            .arg(codec)
            .arg(&path));
        let _ = std::fs::remove_file(&path);
        out
    };
    let mb = |text: &str, key: &str| value(text, key).unwrap_or(f64::NAN) / 1024.0;
    let shown = |text: &str| {
        format!(
            "{:.2} s, {:.1} MB peak, {:.1} MB file",
            value(text, "TOTAL_S").unwrap_or(f64::NAN),
            mb(text, "VmHWM_kB"),
            value(text, "BYTES").unwrap_or(f64::NAN) / 1e6
        )
    };
    let mut rows = Vec::new();
    let figure = "20. `.to_parquet()` of the 2,000,000-row export (zstd): time, peak memory, size";
    let target = "peak ≤ 1.5× that of 500,000 rows (flat in the result's size)";
    match (write(SMALL_TABLE, "zstd"), write(TABLE, "zstd")) {
        (Ok(small), Ok(large)) => {
            let (s, l) = (mb(&small, "VmHWM_kB"), mb(&large, "VmHWM_kB"));
            rows.push(Row::new(
                figure,
                shown(&large),
                format!("500,000 rows: {}", shown(&small)),
                format!("{:.2}× the memory", l / s),
                target,
                Some(l <= 1.5 * s),
            ));
        }
        (Err(why), _) | (_, Err(why)) => {
            eprintln!("the parquet child failed: {why}");
            rows.push(Row::skipped(figure, "the child failed (see above)", target));
        }
    }
    let figure = "20b. `.to_parquet()` of the 2,000,000-row export (snappy)";
    match write(TABLE, "snappy") {
        Ok(large) => rows.push(Row::new(figure, shown(&large), "-", "-", "-", None)),
        Err(why) => {
            eprintln!("the parquet child failed: {why}");
            rows.push(Row::skipped(figure, "the child failed (see above)", "-"));
        }
    }
    rows
}
