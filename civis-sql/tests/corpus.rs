//! The query corpus of issue 33: realistic Redshift SELECTs (`tests/corpus/queries/*.sql`)
//! analyzed against a pinned warehouse (`tests/corpus/.civis/tables/redshift-general/`), each
//! compared with a snapshot of its output columns (`tests/corpus/snapshots/<name>.txt`).
//!
//! A snapshot has one line per output column, `name<TAB>sql type<TAB>null|not null`, and a
//! fourth field with the Rust type when the alias overrides it (`as "amount: f64"`). The
//! snapshots were derived by hand from Redshift's documentation, not from the analyzer: they are
//! its independent check. A query's `-- note:` lines say where the documentation leaves the type
//! open and which reading the snapshot takes.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test -p civis-sql --test corpus` writes the analyzer's answers into
//! the snapshots instead, for a deliberate change to be reviewed in the diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use civis_sql::{Analysis, Catalog};

const DATABASE: &str = "redshift-general";
const MIN_QUERIES: usize = 200;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus")
}

/// The corpus's queries, sorted by name: (name, path).
fn queries() -> Vec<(String, PathBuf)> {
    let dir = corpus_dir().join("queries");
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .map(|path| {
            let name = path
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, path)
        })
        .collect();
    found.sort();
    found
}

fn snapshot_path(name: &str) -> PathBuf {
    corpus_dir().join("snapshots").join(format!("{name}.txt"))
}

/// The analysis's columns as a snapshot writes them.
fn format_columns(analysis: &Analysis) -> String {
    let mut out = String::new();
    for col in &analysis.columns {
        let null = if col.nullable { "null" } else { "not null" };
        let _ = write!(out, "{}\t{}\t{}", col.name, col.ty.sql_name(), null);
        if let Some(rust) = &col.rust_override {
            let _ = write!(out, "\t{rust}");
        }
        out.push('\n');
    }
    out
}

/// A snapshot's text without trailing blanks or a missing final newline mattering.
fn normalize(text: &str) -> String {
    let mut out = String::new();
    for line in text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
    {
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("        {line}\n"))
        .collect()
}

#[test]
fn every_query_types_as_its_snapshot() {
    let catalog = Catalog::open(&corpus_dir().join(".civis")).expect("the corpus's catalog opens");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let all = queries();
    let mut failures = Vec::new();
    let mut updated = 0usize;
    for (name, path) in &all {
        let sql =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let snap = snapshot_path(name);
        let expected = std::fs::read_to_string(&snap)
            .map(|t| normalize(&t))
            .unwrap_or_default();
        let got = match civis_sql::analyze(&sql, DATABASE, &catalog) {
            Ok(analysis) => Ok(format_columns(&analysis)),
            Err(e) => Err(format!("error: {}", e.render(&sql))),
        };
        match got {
            Ok(got) if got == expected => {}
            Ok(got) if update => {
                std::fs::write(&snap, &got).unwrap_or_else(|e| panic!("{}: {e}", snap.display()));
                updated += 1;
            }
            Ok(got) => failures.push(format!(
                "{name}:\n    expected:\n{}    got:\n{}",
                indent(&expected),
                indent(&got)
            )),
            Err(err) => failures.push(format!(
                "{name}:\n    expected:\n{}    got:\n{}",
                indent(&expected),
                indent(&err)
            )),
        }
    }
    if update && updated > 0 {
        eprintln!("UPDATE_SNAPSHOTS=1: rewrote {updated} snapshot(s); review them in the diff");
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus queries differ from their snapshots:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_is_large_and_every_query_has_a_snapshot() {
    let all = queries();
    assert!(
        all.len() >= MIN_QUERIES,
        "the corpus has {} queries; issue 33 asks for at least {MIN_QUERIES}",
        all.len()
    );
    let missing: Vec<&str> = all
        .iter()
        .filter(|(name, _)| !snapshot_path(name).is_file())
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "queries without a snapshot: {missing:?}"
    );
    // And no snapshot without its query (a renamed query leaves one behind).
    let dir = corpus_dir().join("snapshots");
    let orphans: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| {
            path.file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !all.iter().any(|(q, _)| q == name))
        .collect();
    assert!(orphans.is_empty(), "snapshots without a query: {orphans:?}");
    // Every snapshot line is `name<TAB>type<TAB>null|not null[<TAB>rust type]`.
    for (name, _) in &all {
        let text = std::fs::read_to_string(snapshot_path(name)).expect("the snapshot reads");
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(!lines.is_empty(), "{name}: the snapshot has no column");
        for line in lines {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(
                (3..=4).contains(&fields.len())
                    && matches!(fields[2], "null" | "not null")
                    && !fields[0].is_empty()
                    && !fields[1].is_empty(),
                "{name}: a snapshot line is `name<TAB>type<TAB>null|not null[<TAB>rust type]`, got {line:?}"
            );
        }
    }
}
