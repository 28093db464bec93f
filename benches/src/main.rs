//! civis-rs benchmarks: `cargo bench -p civis-bench` (see BENCHMARKS.md).
//!
//! Each figure is printed beside its reference, measured in the same run:
//! 1. per-call time of `client.users().get_me().send()` against a local nginx, vs. a bare ureq
//!    agent with serde_json decoding into the same struct;
//! 2. the same against civis-python 2.10.1, when it is installed;
//! 3. the cost of building an `ApiClient`;
//! 4. the peak memory of a process making 3,000 calls;
//! 5. decoding a 1,000-item list page, typed and dynamic, vs. hand-written serde structs;
//! 6. what `civis_api!` costs the crate that invokes it (rebuild times, peak rustc memory,
//!    expansion time, generated lines), beside the progenitor figures;
//! 7. the peak memory of a process moving a 1 GiB file in and out of the mock's file storage;
//! 8. and 9. its download and upload time against bare ureq;
//! 10. the same against civis-python's `file_to_civis` / `civis_to_file`;
//! 11. to 13. `client.sql(..).rows()` over a 2-million-row export (rows/s against civis-python's
//!     `read_civis_sql`, peak memory) and `.to_csv(..)` against `civis_to_csv`;
//! 14. the command line's start-up with a cached spec, against civis-python's;
//! 15. to 18. typed results: `.dataframe()` against `read_civis_sql(return_as="polars")`,
//!     `.arrow()`'s peak memory at two sizes, `rows_as` against `return_as="list"`, and
//!     `import_dataframe` against `dataframe_to_civis`;
//! 19. a hundred runs waited on by one `RunSet` against civis-python's hundred `CivisFuture`s
//!     and `concurrent.futures.wait`: calls, peak threads, time, and 429s under a rate limit.
//!
//! Options (after `--`): `--quick` (fewer repetitions), `--no-compile` (skip figure 6, which
//! builds a throwaway crate for minutes), `--compile-only`, `--no-python`, `--no-files` (skip
//! figures 7–10, which write a few GiB to `target/civis-bench/`), `--files-only`, `--no-sql`
//! (skip figures 11–13), `--sql-only`, `--no-cli` (skip figure 14), `--cli-only`, `--no-frames`
//! (skip figures 15–18), `--frames-only` (`--frames-rows N` for another size than 2,000,000,
//! `--frames-figures 15b,16` for some of them), `--no-runs` (skip figure 19), `--runs-only`,
//! `--parquet-only` (figure 20, `to_parquet`, which the full run leaves out: see parquet.rs).

mod calls;
mod cli;
mod compile;
mod decode;
mod files;
mod frames;
mod parquet;
mod python;
mod runs;
mod server;
mod sql;
mod stats;

use std::path::{Path, PathBuf};

use stats::Row;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository root")
        .to_path_buf()
}

/// The spec: `CIVIS_API_SPEC` (set by `.cargo/config.toml`), else the repository's snapshot in
/// `civis-core/spec/`.
fn spec_path(repo: &Path) -> PathBuf {
    let path = std::env::var_os("CIVIS_API_SPEC")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| repo.join("civis-core/spec/civis_api_spec.json"));
    let path = if path.is_absolute() {
        path
    } else {
        repo.join(path)
    };
    path.canonicalize().unwrap_or(path)
}

fn target_dir(repo: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| repo.join("target"))
}

/// The recorded answer of `GET /users/me` from the spec's `x-examples`.
fn users_me_answer(spec: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(spec)
        .unwrap_or_else(|e| panic!("cannot read the spec {}: {e}", spec.display()));
    let spec: serde_json::Value = serde_json::from_str(&text).expect("the spec is JSON");
    let body = spec["paths"]["/users/me"]["get"]["x-examples"][0]["requests"][0]["response_body"]
        .as_str()
        .expect("a recorded answer of GET /users/me in the spec");
    body.as_bytes().to_vec()
}

/// The machine, as BENCHMARKS.md records it.
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kb: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    format!(
        "{cpus} CPUs ({model}), {:.1} GiB memory",
        mem_kb as f64 / 1024.0 / 1024.0
    )
}

/// `/proc/loadavg`'s 1, 5 and 15 minute figures: other work on the machine skews timings.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child-memory") {
        let calls = args[3].parse().expect("a call count");
        calls::memory_child(&args[1], &args[2], calls);
        return;
    }
    if args.first().map(String::as_str) == Some("--child-sql") {
        sql::child(&args[1], &args[2], &args[3]);
        return;
    }
    if args.first().map(String::as_str) == Some("--child-frames") {
        frames::child(&args[1], &args[2], &args[3]);
        return;
    }
    if args.first().map(String::as_str) == Some("--child-parquet") {
        parquet::child(&args[1], &args[2], &args[3], &args[4]);
        return;
    }
    if args.first().map(String::as_str) == Some("--child-runs") {
        runs::child(&args[1], &args[2], &args[3]);
        return;
    }
    if args.first().map(String::as_str) == Some("--child-files-memory") {
        files::memory_child(&args[1], &args[2], &args[3]);
        return;
    }
    let flag = |name: &str| args.iter().any(|a| a == name);
    if flag("--parquet-only") {
        let work = target_dir(&repo_root()).join("civis-bench");
        std::fs::create_dir_all(&work).expect("create target/civis-bench");
        println!("load average at start: {}", load_average());
        let rows = parquet::parquet(&work);
        println!("load average at end: {}", load_average());
        stats::print_table(&rows);
        return;
    }
    let quick = flag("--quick");
    let cli_only = flag("--cli-only");
    let runs_only = flag("--runs-only") && !cli_only;
    let frames_only = flag("--frames-only") && !cli_only && !runs_only;
    let sql_only = flag("--sql-only") && !cli_only && !frames_only;
    let files_only = flag("--files-only") && !cli_only && !sql_only;
    let compile_only = flag("--compile-only") && !files_only && !sql_only && !cli_only;
    let run_cli = !flag("--no-cli");
    // One of the `--*-only` flags: every other group is skipped.
    let only = compile_only || files_only || sql_only || cli_only || frames_only || runs_only;
    let run_files = !flag("--no-files");
    let run_compile = !flag("--no-compile");
    let run_python = !flag("--no-python");

    let repo = repo_root();
    let spec = spec_path(&repo);
    let target = target_dir(&repo);
    println!("civis-rs benchmarks — machine: {}", machine());
    println!("spec: {}", spec.display());
    println!("load average at start: {}", load_average());
    let mut rows: Vec<Row> = Vec::new();
    let mut push = |row: Row| {
        stats::announce(&row);
        rows.push(row);
    };

    let work = target.join("civis-bench");
    std::fs::create_dir_all(&work).expect("create target/civis-bench");
    if !only {
        let server = server::start(&work, &users_me_answer(&spec));
        println!("server: {} at {}", server.label, server.url);
        let short = if server.label.starts_with("nginx") {
            "nginx"
        } else {
            "tiny_http FALLBACK"
        };
        let (row, ours_ns) = calls::per_call(&server.url, short, quick);
        push(row);
        if run_python {
            push(python::per_call(&server.url, &spec, ours_ns, quick));
        } else {
            push(Row::skipped(
                "2. per call, against civis-python 2.10.1",
                "--no-python",
                "ours ≥ 12× faster",
            ));
        }
        push(calls::client_build(&server.url, quick));
        push(calls::memory(&server.url));
        drop(server);
        for row in decode::decode(quick) {
            push(row);
        }
    }
    if run_files && (!only || files_only) {
        for row in files::files(&work, &spec, quick, run_python) {
            push(row);
        }
    }
    if !flag("--no-sql") && (!only || sql_only) {
        for row in sql::sql(&work, &spec, run_python) {
            push(row);
        }
    }
    if !flag("--no-frames") && (!only || frames_only) {
        let rows = args
            .iter()
            .position(|a| a == "--frames-rows")
            .and_then(|i| args.get(i + 1))
            .map(|n| n.parse().expect("--frames-rows N: a number of rows"))
            .unwrap_or(frames::ROWS);
        let figures = args
            .iter()
            .position(|a| a == "--frames-figures")
            .and_then(|i| args.get(i + 1))
            .map(|list| list.split(',').map(str::to_string).collect())
            .unwrap_or_default();
        let rounds = if quick { 1 } else { 3 };
        let sizes = frames::Sizes { rows, figures };
        for row in frames::frames(&work, &spec, run_python, sizes, rounds) {
            push(row);
        }
    }
    if !flag("--no-runs") && (!only || runs_only) {
        for row in runs::runs(&work, &spec, run_python) {
            push(row);
        }
    }
    if run_cli && (!only || cli_only) {
        for row in cli::startup(&work, &target, &spec, quick, run_python) {
            push(row);
        }
    }
    if run_compile && (!only || compile_only) {
        rows.extend(compile::compile(&target, &repo, &spec, quick));
    }
    println!();
    println!("load average at end: {}", load_average());
    println!();
    stats::print_table(&rows);
    let missed: Vec<&str> = rows
        .iter()
        .filter(|r| r.verdict == stats::Verdict::Missed)
        .map(|r| r.figure.as_str())
        .collect();
    println!();
    if missed.is_empty() {
        println!("every measured figure meets its target");
    } else {
        println!("missed: {}", missed.join("; "));
    }
}
