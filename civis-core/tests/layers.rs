//! The layers of civis-core (see its crate docs and CONTRIBUTING.md): data <- transport <-
//! workflows, and beside them the generator (model <- codegen), which builds on data alone. A
//! file may import its own layer and those below it, never one above. This test prints the layer
//! of every file (`cargo test -p civis-core --test layers -- --nocapture`) and fails on an upward
//! import, naming the file, the line and the layer imported.

use std::path::{Path, PathBuf};

/// Each layer (a directory of `src/`) and the layers its files may import.
const LAYERS: &[(&str, &[&str])] = &[
    ("data", &["data"]),
    ("transport", &["data", "transport"]),
    ("workflows", &["data", "transport", "workflows"]),
    ("model", &["data", "model"]),
    ("codegen", &["data", "model", "codegen"]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layers named by `crate::<layer>` paths in the code (not the comments) of `line`.
fn layers_named(line: &str) -> Vec<&str> {
    let code = line.split("//").next().unwrap_or_default();
    code.match_indices("crate::")
        .filter(|(at, _)| {
            // `civis_core::` or `$crate::` are other paths; only `crate::` itself counts.
            !code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
        })
        .map(|(at, _)| {
            let rest = &code[at + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn no_file_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut counted = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src/");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default();
        let Some((layer, allowed)) = LAYERS.iter().find(|(layer, _)| *layer == top) else {
            // lib.rs: the crate's root, which assembles the public API from every layer.
            println!("{:<10} {}", "root", relative.display());
            continue;
        };
        println!("{layer:<10} {}", relative.display());
        counted += 1;
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for (number, line) in text.lines().enumerate() {
            for named in layers_named(line) {
                let is_layer = LAYERS.iter().any(|(l, _)| *l == named);
                if is_layer && !allowed.contains(&named) {
                    violations.push(format!(
                        "{}:{}: the {layer} layer imports the {named} layer: {}",
                        relative.display(),
                        number + 1,
                        line.trim()
                    ));
                } else if !is_layer {
                    // Paths through the root's re-exports would hide which layer they reach.
                    violations.push(format!(
                        "{}:{}: `crate::{named}` is not a layer; import from the layer that \
                         defines it: {}",
                        relative.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        counted > 40,
        "only {counted} files found under {}",
        src.display()
    );
    assert!(
        violations.is_empty(),
        "upward imports:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_check_sees_crate_paths_in_code_only() {
    assert_eq!(
        layers_named("use crate::transport::client::Client; // crate::workflows"),
        ["transport"]
    );
    assert_eq!(
        layers_named("    let x = civis_core::workflows::runs;"),
        Vec::<&str>::new()
    );
    assert_eq!(
        layers_named("pub(crate) fn f() -> crate::data::error::Error { crate::workflows::x() }"),
        ["data", "workflows"]
    );
}
