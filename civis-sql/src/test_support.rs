//! Helpers of the unit tests: the fixture catalog and scratch directories.

use std::path::PathBuf;

/// The fixture catalog, `tests/fixtures/.civis` (pins of `sales.orders`, `sales.customers`,
/// `sales.items`, `public.events` and `public.odd` in `redshift-general`).
pub(crate) fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(".civis")
}

/// An empty directory of its own for one test.
pub(crate) fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("civis-sql-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}
