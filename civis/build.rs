//! Tells the `civis_api!` expansion of the ready-made client where the user's project is, so
//! that it finds the project's `.civis/civis_api_spec.json`.
//!
//! The macro looks for `.civis/` from the invoking crate's directory upwards; for the client
//! expanded inside this crate that is this crate's own directory, in cargo's registry when it
//! comes from crates.io, and cargo tells a dependency nothing of the workspace that builds it.
//! What it does give is `OUT_DIR`, inside the target directory (the one that holds
//! `CACHEDIR.TAG`), which by default sits in the workspace's root: its parent is where the
//! search starts. With a target directory elsewhere, set `CIVIS_PROJECT_DIR` or `CIVIS_API_SPEC`.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=CIVIS_PROJECT_DIR");
    if std::env::var_os("CIVIS_PROJECT_DIR").is_some() {
        return;
    }
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        return;
    };
    let target_dir = Path::new(&out_dir)
        .ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file());
    if let Some(project) = target_dir.and_then(Path::parent) {
        println!("cargo:rustc-env=CIVIS_PROJECT_DIR={}", project.display());
    }
}
