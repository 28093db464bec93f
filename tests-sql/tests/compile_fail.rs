//! The compile errors of `civis::query!` and its family, each a case under `tests/ui/` with the
//! error rustc prints beside it (`TRYBUILD=overwrite` writes them again, for review).
//!
//! The cases read the repository's `.civis/` (pins and `sql.toml`), which the macro finds by
//! walking up from trybuild's project under `target/`: run them with the target directory
//! inside the repository, as cargo has it by default.

#[test]
fn compile_errors_say_what_to_fix() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
