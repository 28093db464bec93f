//! Figures 15–19: typed results over the 2-million-row export of the SQL figures (the same five
//! columns: an id, a name with a quoted comma in every tenth row, an amount, a timestamp, a
//! note with embedded newlines and NULLs), from a typed table of the mock's database, each side
//! in a process of its own so that its peak memory is its own.
//!
//! 15. `client.sql(..).dataframe()` against civis-python 2.10.1's
//!     `read_civis_sql(sql, db, return_as="polars")`: time and peak memory, and both less the
//!     export's run (timed alone first: both sides pay the same run of the same mock); and
//!     (15b) `client.read_csv_file(id).dataframe()` of that export's gzipped CSV, already in
//!     Civis files, against `civis.io.file_to_dataframe(id, return_as="polars")`: no run on
//!     either side, so the clients' own work;
//! 16. `client.sql(..).arrow()` streamed and dropped: peak memory at two sizes (500,000 and
//!     2,000,000 rows);
//! 17. `rows_as::<Order>()` against `read_civis_sql(.., return_as="list")`: rows per second;
//! 18. `import_dataframe` of a 2,000,000-row frame against `dataframe_to_civis`: time, peak
//!     memory, API calls and job runs.
//!
//! Both sides poll every 50 ms. The DataFrame figures are medians of alternating rounds (three,
//! one with `--quick`); `--frames-rows N` runs them at another size than 2,000,000 rows.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use civis::polars::prelude::{DataFrame, DataType, IntoColumn, NamedFrom, Series, TimeUnit};
use civis::tables::ExistingRows;
use civis_mock::{MockRows, MockServer};

use crate::calls::API_KEY;
use crate::python;
use crate::sql::run;
use crate::stats::Row;

/// The rows of figures 15–18 unless `--frames-rows N` says otherwise.
pub const ROWS: usize = 2_000_000;
pub(crate) const DATABASE: &str = "bench-db";
const DB_ID: i64 = 41;
pub(crate) const TABLE: &str = "bench.orders";
pub(crate) const SMALL_TABLE: &str = "bench.orders_small";
const COLUMNS: [(&str, &str); 5] = [
    ("id", "BIGINT"),
    ("customer", "VARCHAR(64)"),
    ("amount", "NUMERIC(10,2)"),
    ("created_at", "TIMESTAMP"),
    ("note", "VARCHAR(32)"),
];

/// Row `i` of the export, as the SQL figures make it.
fn row(i: usize) -> Vec<Option<String>> {
    let customer = if i % 10 == 0 {
        format!("Customer {i}, \"VIP\"")
    } else {
        format!("Customer {i}")
    };
    vec![
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
    ]
}

/// The mock of figures 15–18 (and 20): the typed tables of `sizes.rows` rows and a quarter of them.
pub(crate) fn mock(sizes: &Sizes) -> MockServer {
    let mock = MockServer::scripted().expect("the mock");
    mock.database(DB_ID, DATABASE);
    mock.default_database_credential(1);
    for (table, count) in [(TABLE, sizes.rows), (SMALL_TABLE, sizes.small())] {
        let mut rows = MockRows::new(COLUMNS.map(|(name, _)| name));
        rows.rows = (0..count).map(row).collect();
        mock.typed_table(DB_ID, table, &COLUMNS, rows)
            .expect("the table's values fit its types");
    }
    mock
}

/// The serde type of figure 17.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Order {
    id: i64,
    customer: String,
    amount: f64,
    created_at: String,
    note: Option<String>,
}

/// The 2-million-row frame of figure 18, as polars types (the same values as the export).
fn frame(rows: usize) -> DataFrame {
    let ids: Vec<i64> = (0..rows as i64).collect();
    let customers: Vec<String> = (0..rows)
        .map(|i| row(i)[1].clone().unwrap_or_default())
        .collect();
    let amounts: Vec<f64> = (0..rows)
        .map(|i| (i % 10_000) as f64 + (i % 100) as f64 / 100.0)
        .collect();
    // 2026-01-01 12:00:00 UTC plus a minute per row, in microseconds.
    let at: Vec<i64> = (0..rows as i64)
        .map(|i| 1_767_268_800_000_000 + i * 60_000_000)
        .collect();
    let notes: Vec<Option<&str>> = (0..rows)
        .map(|i| (i % 3 != 0).then_some("multi\nline note"))
        .collect();
    let created = Series::new("created_at".into(), at)
        .cast(&DataType::Datetime(TimeUnit::Microseconds, None))
        .expect("a datetime column");
    DataFrame::new(
        rows,
        vec![
            Series::new("id".into(), ids).into_column(),
            Series::new("customer".into(), customers).into_column(),
            Series::new("amount".into(), amounts).into_column(),
            created.into_column(),
            Series::new("note".into(), notes).into_column(),
        ],
    )
    .expect("a frame")
}

/// The child process of figures 15–18: `mode` is `dataframe`, `file_dataframe` (`table` is then
/// a file id), `arrow`, `rows_as`, `rows` (the same export as `StringRecord`s, the floor of 17)
/// or `import`; prints the rows, the time (and for `arrow`, `rows_as` and `rows` the time after
/// the call returned: the download and the parse) and VmHWM.
pub fn child(url: &str, mode: &str, table: &str) {
    let client = crate::calls::workflow_client(url, true);
    let sql = format!("select * from {table}");
    let mut started = Instant::now();
    // The frame read or imported, kept until the child ends, as civis-python's side keeps its
    // frame: freeing it (tens of milliseconds for 2,000,000 rows) is not part of the call.
    let mut kept = None;
    let rows = match mode {
        "dataframe" => {
            let frame = client.sql(&sql, DATABASE).dataframe().expect("the frame");
            kept.insert(frame).height()
        }
        // `table` is a file id here.
        "file_dataframe" => {
            let id = table.parse().expect("a file id");
            let frame = client.read_csv_file(id).dataframe().expect("the frame");
            kept.insert(frame).height()
        }
        // The batches come once the run is over and the first chunk is read (for its types):
        // what follows is the download and the decode alone.
        "arrow" => streamed(
            client.sql(&sql, DATABASE).arrow().expect("the batches"),
            |batch| batch.num_rows(),
        ),
        "rows_as" => streamed(
            client
                .sql(&sql, DATABASE)
                .rows_as::<Order>()
                .expect("the rows"),
            |_| 1,
        ),
        // Less the header.
        "rows" => streamed(client.sql(&sql, DATABASE).rows().expect("the rows"), |_| 1) - 1,
        _ => {
            let frame = frame(ROWS);
            started = Instant::now();
            client
                .import_dataframe(&frame, DATABASE, "bench.imported")
                .existing_rows(ExistingRows::Drop)
                .send()
                .expect("the import")
                .wait()
                .expect("the import's run");
            kept.insert(frame).height()
        }
    };
    let total = started.elapsed();
    if let (Some(frame), "dataframe" | "file_dataframe") = (&kept, mode) {
        described(frame);
    }
    println!("ROWS {rows}");
    println!("TOTAL_S {}", total.as_secs_f64());
    println!(
        "VmHWM_kB {}",
        crate::calls::vm_hwm_kb().expect("VmHWM in /proc/self/status")
    );
}

/// Prints the frame's size as `FRAME_MB` (polars' `estimated_size`) and `FRAME_HELD_MB` (what
/// its arrays hold), checked to be the export's five columns.
fn described(frame: &DataFrame) {
    assert_eq!(frame.width(), 5);
    let mb = |bytes: usize| bytes as f64 / 1024.0 / 1024.0;
    println!("FRAME_MB {}", mb(frame.estimated_size()));
    println!("FRAME_HELD_MB {}", mb(held_bytes(frame)));
}

/// The bytes `frame`'s arrays hold. polars' `estimated_size` counts a text column's characters
/// only; its arrays also hold a 16-byte view of every value (the characters of one of 12 bytes
/// or fewer inside it) and the nulls' bitmap, counted here. Other columns are as it counts them.
fn held_bytes(frame: &DataFrame) -> usize {
    frame
        .columns()
        .iter()
        .map(|column| {
            let series = column.as_materialized_series();
            match series.str() {
                Ok(texts) => {
                    let nulls = if texts.null_count() > 0 {
                        texts.len().div_ceil(8)
                    } else {
                        0
                    };
                    let buffers: usize = texts
                        .downcast_iter()
                        .map(|array| array.total_buffer_len())
                        .sum();
                    texts.len() * 16 + buffers + nulls
                }
                Err(_) => series.estimated_size(),
            }
        })
        .sum()
}

/// The rows of `items` (`rows_of` each), each checked, and prints how long that took (the
/// download and the parse).
fn streamed<T, E: std::fmt::Debug>(
    items: impl Iterator<Item = Result<T, E>>,
    rows_of: impl Fn(&T) -> usize,
) -> usize {
    let streaming = Instant::now();
    let mut count = 0;
    for item in items {
        count += rows_of(&item.expect("a row or a batch"));
    }
    println!("STREAM_S {}", streaming.elapsed().as_secs_f64());
    count
}

const SCRIPT: &str = r#"
import sys, time, resource, datetime
import civis
spec, mode, sql, db, n = sys.argv[1:6]
client = civis.APIClient(local_api_spec=spec)
# civis.io is imported on its first use, polars with it: set-up, as the client's creation is, so
# before the clock (it was counted until issue 34's third pass).
importing = time.perf_counter()
import civis.io
print("IMPORT_S", time.perf_counter() - importing)
started = time.perf_counter()
if mode == "dataframe":
    frame = civis.io.read_civis_sql(sql, db, client=client, polling_interval=0.05, return_as="polars")
    rows = frame.height
elif mode == "file":
    # `sql` is a file id here.
    frame = civis.io.file_to_dataframe(int(sql), client=client, return_as="polars")
    rows = frame.height
elif mode == "list":
    data = civis.io.read_civis_sql(sql, db, client=client, polling_interval=0.05, return_as="list")
    rows = len(data) - 1
else:
    import polars as pl
    n = int(n)
    start = datetime.datetime(2026, 1, 1, 12)
    frame = pl.DataFrame({
        "id": range(n),
        "customer": [f"Customer {i}, \"VIP\"" if i % 10 == 0 else f"Customer {i}" for i in range(n)],
        "amount": [(i % 10000) + (i % 100) / 100 for i in range(n)],
        "created_at": [start + datetime.timedelta(minutes=i) for i in range(n)],
        "note": ["multi\nline note" if i % 3 else None for i in range(n)],
    })
    started = time.perf_counter()
    civis.io.dataframe_to_civis(frame, db, "bench.imported_python", client=client,
                                existing_table_rows="drop", polling_interval=0.05).result()
    rows = frame.height
print("ROWS", rows)
print("TOTAL_S", time.perf_counter() - started)
print("MAXRSS_kB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"#;

/// `KEY value` of a child's output, NaN when missing.
fn value(text: &str, key: &str) -> f64 {
    crate::sql::value(text, key).unwrap_or(f64::NAN)
}

/// The calls a side made and how many were job runs (`POST .../runs`).
fn calls(mock: &MockServer) -> (usize, usize) {
    let requests = mock.requests();
    let runs = requests
        .iter()
        .filter(|r| r.method == "POST" && r.url.split('?').next().unwrap_or("").ends_with("/runs"))
        .count();
    (requests.len(), runs)
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or_default()
}

/// Medians of `rounds` alternating runs of `ours` and `theirs` (ours first in odd rounds,
/// theirs first in even ones), so that both sides see the same load; each figure's
/// `TOTAL_S` and peak (kB) per side, or why a side could not run.
fn alternating(
    rounds: usize,
    mut ours: impl FnMut() -> Result<String, String>,
    mut theirs: impl FnMut() -> Result<String, String>,
) -> (Result<Sides, String>, Result<Sides, String>) {
    let mut ours_runs = Vec::new();
    let mut theirs_runs = Vec::new();
    for round in 0..rounds {
        if round % 2 == 0 {
            ours_runs.push(ours());
            theirs_runs.push(theirs());
        } else {
            theirs_runs.push(theirs());
            ours_runs.push(ours());
        }
    }
    (
        Sides::of(ours_runs, "VmHWM_kB"),
        Sides::of(theirs_runs, "MAXRSS_kB"),
    )
}

/// The medians of one side's runs.
struct Sides {
    seconds: f64,
    peak_mb: f64,
    /// The frame's size by polars' `DataFrame::estimated_size`, ours only.
    frame_mb: f64,
    /// What the frame's arrays hold (see [`held_bytes`]), ours only.
    held_mb: f64,
    /// civis-python's import of `civis.io` before the clock started, theirs only.
    import_s: f64,
    /// Every run's seconds, for the table.
    all: Vec<f64>,
}

impl Sides {
    fn of(runs: Vec<Result<String, String>>, peak: &str) -> Result<Self, String> {
        let texts = runs.into_iter().collect::<Result<Vec<_>, _>>()?;
        let all: Vec<f64> = texts.iter().map(|t| value(t, "TOTAL_S")).collect();
        let of = |key: &str| {
            crate::stats::median(&texts.iter().map(|t| value(t, key)).collect::<Vec<_>>())
        };
        Ok(Self {
            seconds: crate::stats::median(&all),
            peak_mb: of(peak) / 1024.0,
            frame_mb: of("FRAME_MB"),
            held_mb: of("FRAME_HELD_MB"),
            import_s: of("IMPORT_S"),
            all,
        })
    }

    /// The frame's sizes and the peak against them.
    fn frame(&self) -> String {
        format!(
            "; the frame {:.0} MB by estimated_size (peak {:.2}× it), its arrays {:.0} MB (peak {:.2}× them)",
            self.frame_mb,
            self.peak_mb / self.frame_mb,
            self.held_mb,
            self.peak_mb / self.held_mb
        )
    }

    fn shown(&self) -> String {
        let runs: Vec<String> = self.all.iter().map(|s| format!("{s:.2}")).collect();
        format!(
            "{:.2} s [{}], peak {:.0} MB",
            self.seconds,
            runs.join(", "),
            self.peak_mb
        )
    }
}

/// The figures' sizes: `rows` in the large table, a quarter of them in the small one.
#[derive(Clone)]
pub struct Sizes {
    /// Rows of the export of figures 15–18.
    pub rows: usize,
    /// The figures to run (`15b`, `15`, ... `18`); all when empty.
    pub figures: Vec<String>,
}

impl Sizes {
    fn wants(&self, figure: &str) -> bool {
        self.figures.is_empty() || self.figures.iter().any(|f| f == figure)
    }

    fn small(&self) -> usize {
        self.rows / 4
    }
}

/// Figures 15 to 18 at `sizes` (2,000,000 rows unless `--frames-rows N`); `rounds` alternating
/// rounds for the DataFrame figures.
pub fn frames(work: &Path, spec: &Path, run_python: bool, sizes: Sizes, rounds: usize) -> Vec<Row> {
    let built = Instant::now();
    let mock = mock(&sizes);
    eprintln!(
        "the mock's typed tables took {:.1} s",
        built.elapsed().as_secs_f64()
    );
    let n = sizes.rows;
    let shown_rows = thousands(n);
    let exe = std::env::current_exe().expect("the benchmark's path");
    let ours = |mode: &str, table: &str| {
        mock.clear_requests();
        let out = run(Command::new(&exe)
            .arg("--child-frames")
            .arg(mock.url())
            .arg(mode)
            .arg(table));
        (out, calls(&mock))
    };
    let interpreter = python::interpreter();
    let python_missing = if run_python {
        python::unavailable(&interpreter)
    } else {
        Some("--no-python".to_string())
    };
    let theirs = |mode: &str, what: &str| {
        mock.clear_requests();
        let out = match &python_missing {
            Some(why) => Err(why.clone()),
            None => run(Command::new(&interpreter)
                .args(["-c", SCRIPT])
                .arg(spec)
                .arg(mode)
                .arg(what)
                .arg(DATABASE)
                .arg(n.to_string())
                .current_dir(work)
                .env("CIVIS_API_ENDPOINT", mock.url())
                .env("CIVIS_API_KEY", API_KEY)),
        };
        (out, calls(&mock))
    };
    let mb = |text: &str, key: &str| value(text, key) / 1024.0;
    let mut rows = Vec::new();

    // The export's run alone, as our client sees it (the lookups, the run the mock does and
    // the polls, no download): what both sides of figure 15 pay before reading a byte. Its
    // file is the one figure 15b reads.
    let client = crate::calls::workflow_client(mock.url(), true);
    let exporting = Instant::now();
    let file_id = client
        .sql(format!("select * from {TABLE}"), DATABASE)
        .compression(civis::sql::Compression::Gzip)
        .to_civis_file()
        .expect("the export to a Civis file");
    let run_s = exporting.elapsed().as_secs_f64();
    eprintln!("the export's run alone: {run_s:.2} s (file {file_id})");

    if sizes.wants("15b") {
        // 15b. a gzipped CSV already in Civis files to a DataFrame: no export run on either side.
        let figure =
            format!("15b. `read_csv_file(id).dataframe()` of the {shown_rows}-row gzipped CSV");
        let target =
            "≥ 1.5× faster and ≤ ½ the peak memory of file_to_dataframe(return_as=\"polars\")";
        let file = file_id.to_string();
        let (file_ours, file_theirs) = alternating(
            rounds,
            || ours("file_dataframe", &file).0,
            || theirs("file", &file).0,
        );
        rows.push(side_by_side(
            &figure,
            target,
            &file_ours,
            &file_theirs,
            "file_to_dataframe",
            0.0,
            |speed, memory| speed >= 1.5 && memory <= 0.5,
        ));
    }
    if sizes.wants("15") {
        // 15. to a DataFrame, end to end.
        let figure = format!("15. `.dataframe()` of the {shown_rows}-row export");
        let target = "no slower and ≤ ½ the peak memory of read_civis_sql(return_as=\"polars\")";
        let (frame_ours, frame_theirs) = alternating(
            rounds,
            || ours("dataframe", TABLE).0,
            || theirs("dataframe", &format!("select * from {TABLE}")).0,
        );
        rows.push(side_by_side(
            &figure,
            target,
            &frame_ours,
            &frame_theirs,
            "read_civis_sql",
            run_s,
            |speed, memory| speed >= 1.0 && memory <= 0.5,
        ));
    }
    if sizes.wants("16") {
        // 16. Arrow batches streamed and dropped, at two sizes.
        let figure = format!(
            "16. `.arrow()` streamed and dropped: peak memory at {} and {shown_rows} rows",
            thousands(sizes.small())
        );
        let target = "≤ 64 MB at both sizes";
        let (small, _) = ours("arrow", SMALL_TABLE);
        let (large, _) = ours("arrow", TABLE);
        rows.push(match (&small, &large) {
            (Ok(small), Ok(large)) => {
                let (s, l) = (mb(small, "VmHWM_kB"), mb(large, "VmHWM_kB"));
                let large_s = value(large, "TOTAL_S");
                Row::new(
                    figure,
                    format!(
                    "{s:.1} MB and {l:.1} MB ({:.2} s and {large_s:.2} s; after the run {:.2} s; after the call returned {:.2} s)",
                    value(small, "TOTAL_S"),
                    large_s - run_s,
                    value(large, "STREAM_S")
                ),
                    "-",
                    "-",
                    target,
                    Some(s <= 64.0 && l <= 64.0),
                )
            }
            (Err(why), _) | (_, Err(why)) => {
                eprintln!("the arrow child failed: {why}");
                Row::skipped(figure, "the child failed (see above)", target)
            }
        });
    }
    if sizes.wants("17") {
        // 17. rows into structs.
        let figure = format!("17. `.rows_as::<Order>()` over the {shown_rows}-row export, rows/s");
        let target = "≥ 5× read_civis_sql(return_as=\"list\")";
        let (typed, _) = ours("rows_as", TABLE);
        let (plain, _) = ours("rows", TABLE);
        // A list of 20 million Python lists takes minutes and tens of GB: at that size the
        // reference is not run.
        let (python_list, _) = if n <= PYTHON_LIST_ROWS {
            theirs("list", &format!("select * from {TABLE}"))
        } else {
            (
                Err(format!(
                    "not run above {} rows",
                    thousands(PYTHON_LIST_ROWS)
                )),
                (0, 0),
            )
        };
        // What the export, its run and the wait cost before either side reads a byte, and the
        // same download read as `StringRecord`s: the floor that typing the rows adds to.
        let floor = match (&typed, &plain) {
            (Ok(text), Ok(plain)) => format!(
                "; the run before the download {:.2} s, `.rows()` of the same export {:.2} s",
                value(text, "TOTAL_S") - value(text, "STREAM_S"),
                value(plain, "TOTAL_S")
            ),
            _ => String::new(),
        };
        rows.push(match (&typed, &python_list) {
            (Ok(text), Ok(py)) => {
                let (t, py_t) = (value(text, "TOTAL_S"), value(py, "TOTAL_S"));
                Row::new(
                    figure,
                    format!("{:.2} M rows/s ({t:.2} s{floor})", n as f64 / t / 1e6),
                    format!(
                        "civis-python {}: {:.2} M rows/s ({py_t:.2} s)",
                        python::VERSION,
                        n as f64 / py_t / 1e6
                    ),
                    format!("{:.1}×", py_t / t),
                    target,
                    Some(py_t / t >= 5.0),
                )
            }
            (Ok(text), Err(why)) => Row::new(
                figure,
                format!(
                    "{:.2} M rows/s ({:.2} s{floor})",
                    n as f64 / value(text, "TOTAL_S") / 1e6,
                    value(text, "TOTAL_S")
                ),
                format!("skipped: {}", last_line(why)),
                "-",
                target,
                None,
            ),
            (Err(why), _) => {
                eprintln!("the rows_as child failed: {why}");
                Row::skipped(figure, "the child failed (see above)", target)
            }
        });
    }
    if sizes.wants("18") {
        // 18. a frame into a table (at the default size only: building the frame in Python from
        // lists is most of the reference's time).
        if n > PYTHON_LIST_ROWS {
            return rows;
        }
        let figure = format!("18. `import_dataframe` of a {shown_rows}-row frame");
        let target = "(side by side: time, peak memory, API calls, job runs)";
        let (import, (calls_ours, runs_ours)) = ours("import", TABLE);
        let (python_import, (calls_py, runs_py)) = theirs("import", "-");
        let ours_shown = |text: &str| {
            format!(
                "{:.2} s, peak {:.0} MB, {calls_ours} calls, {runs_ours} job run(s)",
                value(text, "TOTAL_S"),
                mb(text, "VmHWM_kB")
            )
        };
        rows.push(match (&import, &python_import) {
        (Ok(text), Ok(py)) => Row::new(
            figure,
            ours_shown(text),
            format!(
                "civis-python dataframe_to_civis: {:.2} s, peak {:.0} MB, {calls_py} calls, {runs_py} job runs",
                value(py, "TOTAL_S"),
                mb(py, "MAXRSS_kB")
            ),
            format!("ours {:.1}× faster", value(py, "TOTAL_S") / value(text, "TOTAL_S")),
            target,
            None,
        ),
        (Ok(text), Err(why)) => Row::new(
            figure,
            ours_shown(text),
            format!("skipped: {}", last_line(why)),
            "-",
            target,
            None,
        ),
        (Err(why), _) => {
            eprintln!("the import child failed: {why}");
            Row::skipped(figure, "the child failed (see above)", target)
        }
    });
    }
    rows
}

/// The rows above which figure 17's and 18's civis-python references are not run.
const PYTHON_LIST_ROWS: usize = 2_000_000;

/// A DataFrame figure: both sides' medians, the ratios, and (when `run_s` is not zero) the
/// times less the export's run, which both sides pay alike.
fn side_by_side(
    figure: &str,
    target: &str,
    ours: &Result<Sides, String>,
    theirs: &Result<Sides, String>,
    reference: &str,
    run_s: f64,
    met: impl Fn(f64, f64) -> bool,
) -> Row {
    let after = |seconds: f64| {
        if run_s > 0.0 {
            format!("; after the run {:.2} s", seconds - run_s)
        } else {
            String::new()
        }
    };
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            let speed = theirs.seconds / ours.seconds;
            let memory = ours.peak_mb / theirs.peak_mb;
            let speed_after = if run_s > 0.0 {
                format!(
                    " ({:.2}× after the run)",
                    (theirs.seconds - run_s) / (ours.seconds - run_s)
                )
            } else {
                String::new()
            };
            Row::new(
                figure,
                format!("{}{}{}", ours.shown(), after(ours.seconds), ours.frame()),
                format!(
                    "civis-python {} {reference}(return_as=\"polars\"): {}{}; not counted: importing civis.io first, {:.2} s",
                    python::VERSION,
                    theirs.shown(),
                    after(theirs.seconds),
                    theirs.import_s
                ),
                format!("{speed:.2}× faster{speed_after}, {memory:.2}× the memory"),
                target,
                Some(met(speed, memory)),
            )
        }
        (Ok(ours), Err(why)) => Row::new(
            figure,
            format!("{}{}{}", ours.shown(), after(ours.seconds), ours.frame()),
            format!("skipped: {}", last_line(why)),
            "-",
            target,
            None,
        ),
        (Err(why), _) => {
            eprintln!("a child of {figure} failed: {why}");
            Row::skipped(figure, "the child failed (see above)", target)
        }
    }
}

/// `n` with thousands separators.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut shown = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            shown.push(',');
        }
        shown.push(c);
    }
    shown
}
