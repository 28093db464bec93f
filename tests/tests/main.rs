//! The integration tests of civis-tests that can share one process, as modules of one test
//! binary: one link of the generated client instead of one per file, which is most of the
//! suite's build time and disk. Tests that set environment variables (`environment`,
//! `fan_out_in_civis`, `spec_download`), run trybuild (`compile_fail`, `spec_download`) or record
//! the process's log (`faults`, `imports_like_python`: recording turns on every level for the
//! whole process) keep binaries of their own (see Cargo.toml).

// A renamed dependency, as `ergonomics` expands civis_api! with `crate = "::civis_renamed"`: an
// extern crate is in every module's prelude only when declared at the root.
extern crate civis as civis_renamed;

mod bounds;
mod did_you_mean;
mod ergonomics;
mod exports_like_python;
mod files;
mod helpers;
mod method_table;
mod mock_usage;
// `read_only()`: the crate's `civis` has the feature `read-only`.
mod read_only;
mod recorded_examples;
mod robustness;
mod run_sets;
mod runs;
mod scans_and_outputs;
mod secrets;
mod snapshots;
mod sql;
mod sql_scripts;
mod started;
mod templates;
mod transport;
mod typed_methods;
// The run-time side of `civis::query!`: the crate's `civis` has the feature `typed-sql`.
mod typed_sql;
mod variants;
mod waits;
mod wire_conformance;
