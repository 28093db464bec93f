//! Figures 1, 3 and 4: the per-call time of `client.users().get_me().send()` against the bare
//! ureq floor, the cost of building an `ApiClient`, and the peak memory of a process making
//! 3,000 calls.

use std::hint::black_box;
use std::process::Command;

use civis::api::types::UserMe;

use crate::stats::{self, Row};

/// The API key sent by every client of the benchmark (the local server ignores it).
pub const API_KEY: &str = "civis-bench-key";

/// Our client, as a user builds it.
pub fn our_client(url: &str) -> civis::ApiClient {
    civis::ApiClient::builder()
        .api_key(API_KEY)
        .base_url(url)
        .build()
        .expect("a client")
}

/// How often the workflow figures' clients poll a run (civis-python's side is given the same,
/// `polling_interval=0.05`).
pub const POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// The workflows' client (`civis::Client`) of the benchmark's figures and children, polling
/// every [`POLL`] when `polling` is true (else the default schedule).
pub fn workflow_client(url: &str, polling: bool) -> civis::Client {
    let builder = civis::Client::builder().api_key(API_KEY).base_url(url);
    let builder = if polling {
        builder.polling(civis::runs::Polling::every(POLL))
    } else {
        builder
    };
    builder.build().expect("a client")
}

/// The floor: a bare ureq agent that sends the same headers.
pub fn floor_agent() -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .user_agent(concat!("civis-rust/", env!("CARGO_PKG_VERSION")))
        .build();
    ureq::Agent::new_with_config(config)
}

/// One call on the floor: GET, read the body, decode it with serde_json into the same struct.
pub fn floor_get_me(agent: &ureq::Agent, url: &str) -> UserMe {
    let mut response = agent
        .get(url)
        .header("Authorization", concat!("Bearer ", "civis-bench-key"))
        .header("Accept", "application/vnd.civis-platform.v1")
        .call()
        .expect("the floor's call");
    let body = response.body_mut().read_to_vec().expect("the body");
    serde_json::from_slice(&body).expect("a UserMe")
}

/// Figure 1: our per-call time against the floor, in alternating rounds. Returns the row and
/// our per-call time in ns (for the civis-python comparison).
pub fn per_call(url: &str, server: &str, quick: bool) -> (Row, f64) {
    let client = our_client(url);
    let agent = floor_agent();
    let me_url = format!("{url}users/me");
    // Both decode the same answer to the same struct.
    let ours = client.users().get_me().send().expect("our call");
    let floor = floor_get_me(&agent, &me_url);
    assert_eq!(ours.id, floor.id);
    assert!(ours.id.is_some(), "the answer decodes to a UserMe");
    let (rounds, batch) = if quick { (10, 300) } else { (30, 1000) };
    // Warm both connections and caches.
    for _ in 0..500 {
        black_box(client.users().get_me().send().expect("our call"));
        black_box(floor_get_me(&agent, &me_url));
    }
    let (ours_ns, floor_ns, ratio) = stats::paired(
        rounds,
        batch,
        || {
            black_box(client.users().get_me().send().expect("our call"));
        },
        || {
            black_box(floor_get_me(&agent, &me_url));
        },
    );
    let row = Row::new(
        format!("1. per call, users().get_me().send() [{server}]"),
        stats::us(ours_ns),
        format!("bare ureq 3 + serde_json: {}", stats::us(floor_ns)),
        format!("{ratio:.3}×"),
        "≤ 1.15× bare ureq",
        Some(ratio <= 1.15),
    );
    (row, ours_ns)
}

/// Figure 3: building an `ApiClient` with the builder (and dropping it), against building the
/// bare ureq agent of the floor.
pub fn client_build(url: &str, quick: bool) -> Row {
    let (rounds, batch) = if quick { (10, 500) } else { (30, 2000) };
    for _ in 0..1000 {
        black_box(our_client(url));
    }
    let (ours_ns, agent_ns, _) = stats::paired(
        rounds,
        batch,
        || {
            black_box(our_client(black_box(url)));
        },
        || {
            black_box(floor_agent());
        },
    );
    Row::new(
        "3. ApiClient::builder().api_key(..).base_url(..).build()",
        stats::us(ours_ns),
        format!("bare ureq Agent::new_with_config: {}", stats::us(agent_ns)),
        format!("{:.2}×", ours_ns / agent_ns),
        "≤ 10 µs",
        Some(ours_ns <= 10_000.0),
    )
}

/// The child process of figure 4: makes `calls` calls with `kind` (`ours` or `ureq`) and
/// prints its peak resident memory (VmHWM, kB).
pub fn memory_child(url: &str, kind: &str, calls: usize) {
    match kind {
        "ours" => {
            let client = our_client(url);
            for _ in 0..calls {
                black_box(client.users().get_me().send().expect("our call"));
            }
        }
        "ureq" => {
            let agent = floor_agent();
            let me_url = format!("{url}users/me");
            for _ in 0..calls {
                black_box(floor_get_me(&agent, &me_url));
            }
        }
        other => panic!("unknown client kind {other}"),
    }
    println!(
        "VmHWM_kB {}",
        vm_hwm_kb().expect("VmHWM in /proc/self/status")
    );
}

/// The peak resident set size of this process, from `/proc/self/status`.
pub fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn run_memory_child(url: &str, kind: &str, calls: usize) -> Result<u64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe)
        .args(["--child-memory", url, kind, &calls.to_string()])
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "the child failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM_kB "))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| format!("no VmHWM in the child's output: {stdout}"))
}

/// Figure 4: peak memory of a child process making 3,000 calls, ours against the floor's.
pub fn memory(url: &str) -> Row {
    const CALLS: usize = 3000;
    let figure = format!("4. peak memory (VmHWM) of a process making {CALLS} calls");
    let ours = run_memory_child(url, "ours", CALLS);
    let floor = run_memory_child(url, "ureq", CALLS);
    match (ours, floor) {
        (Ok(ours), Ok(floor)) => {
            let mb = |kb: u64| kb as f64 / 1024.0;
            Row::new(
                figure,
                format!("{:.1} MB", mb(ours)),
                format!("bare ureq 3 + serde_json: {:.1} MB", mb(floor)),
                format!("{:.2}×", ours as f64 / floor as f64),
                "≤ 16 MB",
                Some(mb(ours) <= 16.0),
            )
        }
        (Err(e), _) | (_, Err(e)) => Row::skipped(figure, e, "≤ 16 MB"),
    }
}
