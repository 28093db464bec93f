//! Figure 2: civis-python 2.10.1's per-call time for `client.users.get_me()` against the same
//! server, when a Python with `civis==2.10.1` is importable (`CIVIS_BENCH_PYTHON`, default
//! `python3`). Otherwise the column is skipped with the command that installs it.

use std::path::Path;
use std::process::Command;

use crate::calls::API_KEY;
use crate::stats::{self, Row};

/// The civis-python release compared against.
pub const VERSION: &str = "2.10.1";
const TARGET: &str = "ours ≥ 12× faster";

/// The script run by the Python interpreter: builds the client from the same spec, warms up,
/// then prints the mean seconds per call.
const SCRIPT: &str = r#"
import sys, time
import civis
spec, calls = sys.argv[1], int(sys.argv[2])
client = civis.APIClient(local_api_spec=spec)
for _ in range(20):
    client.users.get_me()
best = None
for _ in range(3):
    started = time.perf_counter()
    for _ in range(calls):
        me = client.users.get_me()
    per_call = (time.perf_counter() - started) / calls
    best = per_call if best is None else min(best, per_call)
assert me.id is not None
print("PER_CALL_S", best)
"#;

/// The Python to run: `CIVIS_BENCH_PYTHON`, else `python3`.
pub fn interpreter() -> String {
    std::env::var("CIVIS_BENCH_PYTHON")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "python3".to_string())
}

/// Why civis-python cannot be measured, if it cannot.
pub fn unavailable(python: &str) -> Option<String> {
    let output = Command::new(python)
        .args(["-c", "import civis; print(civis.__version__)"])
        .output();
    match output {
        Err(e) => Some(format!("no `{python}` ({e})")),
        Ok(o) if !o.status.success() => Some(format!("`{python}` cannot import civis")),
        Ok(o) => {
            let version = String::from_utf8_lossy(&o.stdout).trim().to_string();
            (version != VERSION).then(|| format!("`{python}` has civis {version}, not {VERSION}"))
        }
    }
}

/// Figure 2: civis-python's per-call time beside ours (`ours_ns`).
pub fn per_call(url: &str, spec: &Path, ours_ns: f64, quick: bool) -> Row {
    let figure = "2. per call, against civis-python 2.10.1 client.users.get_me()";
    let python = interpreter();
    if let Some(why) = unavailable(&python) {
        eprintln!(
            "civis-python column skipped: {why}. Install it with `pip install civis=={VERSION}` \
             (or point CIVIS_BENCH_PYTHON at a Python that has it)."
        );
        return Row::skipped(
            figure,
            format!("{why}: pip install civis=={VERSION}"),
            TARGET,
        );
    }
    let calls = if quick { "100" } else { "500" };
    let output = Command::new(&python)
        .args(["-c", SCRIPT])
        .arg(spec)
        .arg(calls)
        .env("CIVIS_API_ENDPOINT", url)
        .env("CIVIS_API_KEY", API_KEY)
        .output();
    let per_call_s = match output {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("PER_CALL_S "))
            .and_then(|v| v.trim().parse::<f64>().ok()),
        Ok(o) => {
            eprintln!(
                "civis-python failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            None
        }
        Err(e) => {
            eprintln!("civis-python did not run: {e}");
            None
        }
    };
    let Some(per_call_s) = per_call_s else {
        return Row::skipped(figure, "civis-python failed (see above)", TARGET);
    };
    let python_ns = per_call_s * 1e9;
    let speedup = python_ns / ours_ns;
    Row::new(
        figure,
        stats::us(ours_ns),
        format!("civis-python {VERSION}: {}", stats::us(python_ns)),
        format!("ours {speedup:.1}× faster"),
        TARGET,
        Some(speedup >= 12.0),
    )
}
