//! The command line's integration tests, as modules of one test binary: one link instead of one
//! per file. Each runs the `civis` binary against the mock.

mod support;

mod cli;
mod cli_faults;
mod cli_files;
mod cli_like_python;
mod cli_runs;
mod cli_spec;
mod cli_sql;
