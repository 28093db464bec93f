//! Every bad input to `civis_api!` is a compile error that says what to fix.
//!
//! The spec paths in `ui/` are relative to the crate trybuild builds them in
//! (`target/tests/trybuild/civis-tests`), hence the `../../../../tests/ui/specs/`.

#[test]
fn bad_macro_input_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
