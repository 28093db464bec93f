//! Figure 6: what `civis_api!` costs the crate that invokes it, for `resources = "all"` and
//! `"base"`: release rebuild after touching the crate, debug incremental rebuild after touch,
//! peak rustc memory, macro expansion time, and generated lines as printed by prettyplease.
//!
//! Everything is built in a throwaway workspace under `<target>/civis-bench/compile/`, written
//! by this harness and never committed:
//! - `all/`, `base/`: libraries that invoke `civis::civis_api!(resources = ..)` with the `civis`
//!   crate's default features off;
//! - `expand/`: a program that runs the macro's own generator (`civis_core::codegen`, the
//!   library the macro calls) on the spec in-process and times spec loading + code generation;
//! - `target-time-passes/`: the builds that read rustc's own `expand_crate` time, which need
//!   `RUSTC_BOOTSTRAP=1` and so a target directory apart from the timed builds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Instant, SystemTime};

use crate::stats::{self, Row};

/// The issue's reference figures for progenitor on the same spec (converted to OpenAPI 3),
/// printed as fixed references; progenitor is not run.
const PROGENITOR_LINES: u64 = 81_000;
const PROGENITOR_RELEASE_S: f64 = 38.0;
const PROGENITOR_DEBUG_S: f64 = 12.0;
const PROGENITOR_RSS_MB: f64 = 2.1 * 1024.0;

/// Writes `contents` to `path` unless it already holds them (so that cargo sees no change).
fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() == Some(contents) {
        return;
    }
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create the directory");
    std::fs::write(path, contents).expect("write a throwaway file");
}

/// The throwaway workspace.
struct Workspace {
    dir: PathBuf,
    spec: PathBuf,
    cargo: String,
}

impl Workspace {
    fn create(dir: PathBuf, repo: &Path, spec: &Path) -> Self {
        let repo = repo.display();
        write_if_changed(
            &dir.join("Cargo.toml"),
            "# Written by civis-bench: a throwaway workspace to time civis_api! in a user's crate.\n\
             [workspace]\nresolver = \"2\"\nmembers = [\"all\", \"base\", \"expand\"]\n",
        );
        // The repository's lock file, so the same dependency versions are built.
        if !dir.join("Cargo.lock").exists() {
            let lock = std::fs::read_to_string(format!("{repo}/Cargo.lock")).expect("Cargo.lock");
            write_if_changed(&dir.join("Cargo.lock"), &lock);
        }
        for resources in ["all", "base"] {
            write_if_changed(
                &dir.join(resources).join("Cargo.toml"),
                &format!(
                    "[package]\nname = \"civis-compile-{resources}\"\nversion = \"0.0.0\"\n\
                     edition = \"2021\"\npublish = false\n\n[dependencies]\n\
                     civis = {{ path = \"{repo}/civis\", default-features = false }}\n"
                ),
            );
            write_if_changed(
                &dir.join(resources).join("src/lib.rs"),
                &format!(
                    "//! A user's crate that generates its own client.\n\n\
                     /// The client, `resources = \"{resources}\"`.\n\
                     pub mod client {{\n    civis::civis_api!(resources = \"{resources}\");\n}}\n"
                ),
            );
        }
        write_if_changed(
            &dir.join("expand/Cargo.toml"),
            &format!(
                "[package]\nname = \"expand\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
                 publish = false\n\n[dependencies]\n\
                 civis-core = {{ path = \"{repo}/civis-core\", default-features = false, features = [\"codegen\"] }}\n"
            ),
        );
        write_if_changed(
            &dir.join("expand/src/main.rs"),
            r#"//! Runs civis_api!'s generator in-process: `expand SPEC all|base OUT REPS`.

use civis_core::codegen;
use civis_core::model::Resources;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let resources = match args[2].as_str() {
        "all" => Resources::All,
        _ => Resources::Base,
    };
    let reps: usize = args[4].parse().expect("a repetition count");
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..reps {
        let started = std::time::Instant::now();
        let text = std::fs::read_to_string(&args[1]).expect("the spec");
        let api = civis_core::model::load(&text, resources).expect("a valid spec");
        let mut options = codegen::Options::default();
        options.file = "civis_api_spec.json";
        options.resources = resources;
        let tokens = codegen::generate(&api, &options);
        times.push(started.elapsed().as_nanos().to_string());
        last = Some(tokens);
    }
    std::fs::write(&args[3], last.expect("one repetition")).expect("write the source");
    println!("EXPAND_NS {}", times.join(" "));
}
"#,
        );
        Self {
            dir,
            spec: spec.to_path_buf(),
            cargo: std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()),
        }
    }

    fn cargo(&self) -> Command {
        let mut command = Command::new(&self.cargo);
        command
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env("CIVIS_API_SPEC", &self.spec);
        command
    }

    /// Runs `cargo build -p package` (with `--release` when asked); with `measure`, under
    /// `/usr/bin/time` for the peak RSS of cargo and rustc. Returns (seconds, peak kB).
    fn build(
        &self,
        package: &str,
        release: bool,
        measure: bool,
    ) -> Result<(f64, Option<u64>), String> {
        let time_file = self.dir.join("time.out");
        let gnu_time = Path::new("/usr/bin/time");
        let mut command = if measure && gnu_time.is_file() {
            let mut c = Command::new(gnu_time);
            c.current_dir(&self.dir)
                .env("CARGO_TARGET_DIR", self.dir.join("target"))
                .env("CIVIS_API_SPEC", &self.spec)
                .args(["-f", "%M", "-o"])
                .arg(&time_file)
                .arg(&self.cargo);
            c
        } else {
            self.cargo()
        };
        command.args(["build", "-p", package]);
        if release {
            command.arg("--release");
        }
        let started = Instant::now();
        run(&mut command, &format!("cargo build -p {package}"))?;
        let seconds = started.elapsed().as_secs_f64();
        let peak = (measure && gnu_time.is_file())
            .then(|| std::fs::read_to_string(&time_file).ok())
            .flatten()
            .and_then(|t| t.lines().last()?.trim().parse().ok());
        Ok((seconds, peak))
    }

    /// Touches the invoking crate's `lib.rs` (`member` is its folder, `all` or `base`).
    fn touch(&self, member: &str) {
        let file = std::fs::File::options()
            .write(true)
            .open(self.dir.join(member).join("src/lib.rs"))
            .expect("open lib.rs");
        file.set_modified(SystemTime::now()).expect("touch lib.rs");
    }
}

/// Runs `command` to its end; a failure is an error naming `what`, with its standard error.
fn run(command: &mut Command, what: &str) -> Result<Output, String> {
    let output = command
        .output()
        .map_err(|e| format!("{what} did not start: {e}"))?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The median rebuild time and the largest peak RSS over `reps` touch-and-rebuild runs.
fn rebuilds(
    ws: &Workspace,
    member: &str,
    release: bool,
    reps: usize,
) -> Result<(f64, Option<u64>), String> {
    let package = format!("civis-compile-{member}");
    let package = package.as_str();
    ws.build(package, release, false)?; // dependencies and a first build, not timed
    let mut times = Vec::new();
    let mut peak = None;
    for _ in 0..reps {
        ws.touch(member);
        let (seconds, kb) = ws.build(package, release, true)?;
        times.push(seconds);
        peak = peak.max(kb);
    }
    Ok((stats::median(&times), peak))
}

/// Expansion time (median ms) at the given profile and the generated code's prettyplease lines.
fn expansion(
    ws: &Workspace,
    resources: &str,
    release: bool,
    reps: usize,
) -> Result<(f64, usize), String> {
    let mut build = ws.cargo();
    build.args(["build", "-p", "expand"]);
    if release {
        build.arg("--release");
    }
    run(&mut build, "building the expansion timer")?;
    let profile = if release { "release" } else { "debug" };
    let exe = ws.dir.join("target").join(profile).join("expand");
    let out = ws.dir.join(format!("expanded-{resources}.rs.txt"));
    let output = run(
        Command::new(exe)
            .arg(&ws.spec)
            .arg(resources)
            .arg(&out)
            .arg(reps.to_string()),
        "the expansion timer",
    )?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let times: Vec<f64> = stdout
        .lines()
        .find_map(|l| l.strip_prefix("EXPAND_NS "))
        .ok_or("no timings from the expansion timer")?
        .split_whitespace()
        .filter_map(|t| t.parse::<f64>().ok())
        .map(|ns| ns / 1e6)
        .collect();
    let tokens = std::fs::read_to_string(&out).map_err(|e| e.to_string())?;
    let file =
        syn::parse_file(&tokens).map_err(|e| format!("the expansion does not parse: {e}"))?;
    let pretty = prettyplease::unparse(&file);
    std::fs::write(ws.dir.join(format!("expanded-{resources}.rs")), &pretty)
        .map_err(|e| e.to_string())?;
    Ok((stats::median(&times), pretty.lines().count()))
}

/// rustc's own `expand_crate` time (median ms) when rebuilding the invoking crate after a touch:
/// the macro as rustc runs it, plus lexing and parsing its output and the built-in derives in
/// it. `-Z time-passes` is unstable, so this build sets `RUSTC_BOOTSTRAP=1`, in a target
/// directory of its own so that the flag does not invalidate the other builds.
fn rustc_expansion(ws: &Workspace, resources: &str, reps: usize) -> Result<f64, String> {
    let package = format!("civis-compile-{resources}");
    let expand_time = || -> Result<Option<f64>, String> {
        let output = run(
            ws.cargo()
                .env("RUSTC_BOOTSTRAP", "1")
                .env("CARGO_TARGET_DIR", ws.dir.join("target-time-passes"))
                .args(["rustc", "-p", &package, "--", "-Z", "time-passes"]),
            "cargo rustc -Z time-passes",
        )?;
        // A line reads `time:   0.412; rss: ...	expand_crate`.
        Ok(String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|line| line.trim_end().ends_with("\texpand_crate"))
            .find_map(|line| {
                line.strip_prefix("time:")?
                    .split(';')
                    .next()?
                    .trim()
                    .parse::<f64>()
                    .ok()
            })
            .map(|seconds| seconds * 1000.0))
    };
    expand_time()?; // dependencies, untimed
    let mut times = Vec::new();
    for _ in 0..reps {
        ws.touch(resources);
        times.push(expand_time()?.ok_or("no expand_crate line in -Z time-passes output")?);
    }
    Ok(stats::median(&times))
}

/// Figure 6, for `resources = "all"` and `"base"`.
pub fn compile(target_dir: &Path, repo: &Path, spec: &Path, quick: bool) -> Vec<Row> {
    let ws = Workspace::create(target_dir.join("civis-bench/compile"), repo, spec);
    let reps = if quick { 1 } else { 3 };
    let mut rows = Vec::new();
    let mut push = |row: Row| {
        stats::announce(&row);
        rows.push(row);
    };
    for resources in ["all", "base"] {
        let tag = format!("resources = \"{resources}\"");
        eprintln!("compile time, {tag} (builds dependencies first; this takes minutes)");
        match expansion(&ws, resources, false, if quick { 3 } else { 7 }) {
            Ok((ms, lines)) => {
                push(Row::new(
                    format!("6. {tag}: macro expansion (spec load + source generation, opt-level 0 as cargo builds proc macros)"),
                    format!("{ms:.0} ms"),
                    "-",
                    "-",
                    "≤ 250 ms",
                    Some(ms <= 250.0),
                ));
                push(Row::new(
                    format!("6. {tag}: generated code lines (prettyplease)"),
                    format!("{lines}"),
                    format!("progenitor (issue's figure, all): {PROGENITOR_LINES}"),
                    format!("{:.2}×", lines as f64 / PROGENITOR_LINES as f64),
                    // DESIGN.md retired the line target: the budget is time and memory.
                    "(no target)",
                    None,
                ));
            }
            Err(e) => push(Row::skipped(
                format!("6. {tag}: macro expansion"),
                e,
                "≤ 250 ms",
            )),
        }
        match rustc_expansion(&ws, resources, reps) {
            Ok(ms) => push(Row::new(
                format!(
                    "6. {tag}: rustc's whole expand_crate pass, debug rebuild (for information)"
                ),
                format!("{ms:.0} ms"),
                "-",
                "-",
                "(no target)",
                None,
            )),
            Err(e) => push(Row::skipped(
                format!("6. {tag}: rustc's expand_crate pass"),
                e,
                "(no target)",
            )),
        }
        if let Ok((ms, _)) = expansion(&ws, resources, true, if quick { 3 } else { 7 }) {
            push(Row::new(
                format!("6. {tag}: macro expansion, generator built optimized (for information)"),
                format!("{ms:.0} ms"),
                "-",
                "-",
                "(no target)",
                None,
            ));
        }
        match rebuilds(&ws, resources, true, reps) {
            Ok((seconds, peak)) => {
                push(Row::new(
                    format!("6. {tag}: release rebuild after touch"),
                    format!("{seconds:.1} s"),
                    format!("progenitor (issue's figure, all): {PROGENITOR_RELEASE_S:.0} s"),
                    format!("{:.2}×", seconds / PROGENITOR_RELEASE_S),
                    "≤ 8 s",
                    Some(seconds <= 8.0),
                ));
                push(peak_row(&tag, "release", peak));
            }
            Err(e) => push(Row::skipped(
                format!("6. {tag}: release rebuild"),
                e,
                "≤ 8 s",
            )),
        }
        match rebuilds(&ws, resources, false, reps) {
            Ok((seconds, peak)) => {
                push(Row::new(
                    format!("6. {tag}: debug incremental rebuild after touch"),
                    format!("{seconds:.1} s"),
                    format!("progenitor (issue's figure, all): {PROGENITOR_DEBUG_S:.0} s"),
                    format!("{:.2}×", seconds / PROGENITOR_DEBUG_S),
                    "≤ 2.5 s",
                    Some(seconds <= 2.5),
                ));
                push(peak_row(&tag, "debug", peak));
            }
            Err(e) => push(Row::skipped(
                format!("6. {tag}: debug rebuild"),
                e,
                "≤ 2.5 s",
            )),
        }
    }
    rows
}

fn peak_row(tag: &str, profile: &str, peak_kb: Option<u64>) -> Row {
    let figure = format!("6. {tag}: peak rustc memory, {profile} rebuild");
    match peak_kb {
        Some(kb) => {
            let mb = kb as f64 / 1024.0;
            Row::new(
                figure,
                format!("{mb:.0} MB"),
                format!(
                    "progenitor (issue's figure): {:.1} GB",
                    PROGENITOR_RSS_MB / 1024.0
                ),
                format!("{:.2}×", mb / PROGENITOR_RSS_MB),
                "≤ 600 MB",
                Some(mb <= 600.0),
            )
        }
        None => Row::skipped(figure, "no /usr/bin/time: apt-get install time", "≤ 600 MB"),
    }
}
