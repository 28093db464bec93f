//! Timing helpers: repeated batches, medians, and figures side by side with their references.

use std::time::Instant;

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(values: &[f64]) -> f64 {
    assert!(!values.is_empty(), "no samples");
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 0 {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    }
}

/// Nanoseconds per iteration of `f`, run `iterations` times in a row.
pub fn ns_per_iter(iterations: usize, mut f: impl FnMut()) -> f64 {
    let started = Instant::now();
    for _ in 0..iterations {
        f();
    }
    started.elapsed().as_nanos() as f64 / iterations as f64
}

/// Medians of two measurements taken in alternating rounds, so that both see the same machine
/// state (frequency, other load): per round, `batch` iterations of each, the order swapped every
/// round. Returns (median ns of `a`, median ns of `b`, median of the per-round ratios a/b).
pub fn paired(
    rounds: usize,
    batch: usize,
    mut a: impl FnMut(),
    mut b: impl FnMut(),
) -> (f64, f64, f64) {
    let mut times_a = Vec::with_capacity(rounds);
    let mut times_b = Vec::with_capacity(rounds);
    let mut ratios = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (ta, tb) = if round % 2 == 0 {
            let ta = ns_per_iter(batch, &mut a);
            (ta, ns_per_iter(batch, &mut b))
        } else {
            let tb = ns_per_iter(batch, &mut b);
            (ns_per_iter(batch, &mut a), tb)
        };
        times_a.push(ta);
        times_b.push(tb);
        ratios.push(ta / tb);
    }
    (median(&times_a), median(&times_b), median(&ratios))
}

/// Whether a figure meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Meets the target.
    Met,
    /// Misses the target.
    Missed,
    /// No target, or not measured.
    Info,
}

/// One line of the report.
#[derive(Debug, Clone)]
pub struct Row {
    /// What is measured.
    pub figure: String,
    /// Our figure.
    pub ours: String,
    /// The reference it is compared with, labelled.
    pub reference: String,
    /// Ours relative to the reference.
    pub ratio: String,
    /// The target.
    pub target: String,
    /// Whether the target is met.
    pub verdict: Verdict,
}

impl Row {
    /// A row; `met` is `None` where there is no target.
    pub fn new(
        figure: impl Into<String>,
        ours: impl Into<String>,
        reference: impl Into<String>,
        ratio: impl Into<String>,
        target: impl Into<String>,
        met: Option<bool>,
    ) -> Self {
        Self {
            figure: figure.into(),
            ours: ours.into(),
            reference: reference.into(),
            ratio: ratio.into(),
            target: target.into(),
            verdict: match met {
                Some(true) => Verdict::Met,
                Some(false) => Verdict::Missed,
                None => Verdict::Info,
            },
        }
    }

    /// A row for a figure that could not be measured, saying why.
    pub fn skipped(figure: impl Into<String>, why: impl Into<String>, target: &str) -> Self {
        Self::new(figure, "skipped", why, "-", target, None)
    }
}

/// Prints one row as it is measured, so a long run shows progress.
pub fn announce(row: &Row) {
    eprintln!(
        "  {}: {} | {} | {} | target {}",
        row.figure, row.ours, row.reference, row.ratio, row.target
    );
}

/// The final table, as Markdown (it is pasted into BENCHMARKS.md).
pub fn print_table(rows: &[Row]) {
    let header = ["figure", "ours", "reference", "ratio", "target", ""];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.figure.clone(),
                r.ours.clone(),
                r.reference.clone(),
                r.ratio.clone(),
                r.target.clone(),
                match r.verdict {
                    Verdict::Met => "met".to_string(),
                    Verdict::Missed => "MISSED".to_string(),
                    Verdict::Info => String::new(),
                },
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cols: Vec<&str>| {
        let padded: Vec<String> = cols
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        println!("| {} |", padded.join(" | "));
    };
    line(header.to_vec());
    let dashes: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(dashes.iter().map(String::as_str).collect());
    for row in &cells {
        line(row.iter().map(String::as_str).collect());
    }
}

/// Microseconds from nanoseconds, for display.
pub fn us(ns: f64) -> String {
    if ns >= 100_000.0 {
        format!("{:.0} µs", ns / 1000.0)
    } else {
        format!("{:.1} µs", ns / 1000.0)
    }
}
