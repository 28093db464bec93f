//! The command line's integration tests, as modules of one test binary: one link instead of one
//! per file. Each runs the `civis` binary against the mock. `cli_files` keeps a binary of its
//! own: it kills a download while storage stalls, which must happen before the client's stall
//! rule (5 s) gives up on the stall, and the many `civis` processes of the other tests running
//! beside it would make that timing a matter of luck.

mod support;

mod cli;
mod cli_faults;
mod cli_like_python;
mod cli_outputs;
mod cli_pins;
mod cli_runs;
mod cli_spec;
mod cli_sql;
mod cli_sql_scripts;
