//! Snapshots of what users get: the generator's output for `specs/variants.json` and for a
//! fixed slice of the real spec, formatted by prettyplease and compared with the files committed
//! in `snapshots/`, so that every change of the generator shows up as a reviewable diff (the
//! model is progenitor-impl's `tests/test_output.rs`).
//!
//! After an intended change, `EXPECTORATE=overwrite cargo test -p civis-tests --test integration snapshots::`
//! rewrites the files; review their diff before committing it.

use std::collections::BTreeSet;

use civis_core::codegen::{self, Options};
use civis_core::model::{self, Resources};
use serde_json::Value;

/// The paths of the real spec in its slice: a list with paging, a get, a patch with array and
/// object arguments, a deprecated operation, a legacy `list_*` alias, a long description with a
/// code block and a numbered list, and a POST with many body arguments.
const REAL_SPEC_PATHS: &[&str] = &[
    "/tables/",
    "/tables/{id}",
    "/tables/{id}/refresh",
    "/users/me",
    "/imports/files",
    "/scripts/sql",
];

/// The generator's output for `text`, as prettyplease prints it.
fn formatted(text: &str, file: &str) -> String {
    let api = model::load(text, Resources::All).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut options = Options::default();
    options.file = file;
    options.resources = Resources::All;
    let source = codegen::generate(&api, &options);
    let parsed = syn::parse_file(&source)
        .unwrap_or_else(|e| panic!("the expansion of {file} is not valid Rust: {e}"));
    prettyplease::unparse(&parsed)
}

#[test]
fn variants_expansion_matches_its_snapshot() {
    let text = std::fs::read_to_string("specs/variants.json").expect("specs/variants.json");
    expectorate::assert_contents("snapshots/variants.rs", &formatted(&text, "variants.json"));
}

#[test]
fn real_spec_slice_expansion_matches_its_snapshot() {
    let path = env!("CIVIS_API_SPEC");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let slice = slice(&text, REAL_SPEC_PATHS);
    expectorate::assert_contents(
        "snapshots/civis_api_spec_slice.rs",
        &formatted(&slice, "civis_api_spec.json"),
    );
}

/// The spec with only `paths` and the definitions they reach through `$ref`s, without the
/// recorded examples (which the generator does not read).
fn slice(text: &str, paths: &[&str]) -> String {
    let mut spec: Value = serde_json::from_str(text).expect("the spec is JSON");
    let all_paths = spec["paths"].as_object().expect("paths").clone();
    let mut kept = serde_json::Map::new();
    for path in paths {
        let mut item = all_paths
            .get(*path)
            .unwrap_or_else(|| panic!("the spec has no path {path}"))
            .clone();
        for op in item.as_object_mut().expect("a path item").values_mut() {
            if let Some(op) = op.as_object_mut() {
                op.remove("x-examples");
            }
        }
        kept.insert(path.to_string(), item);
    }
    let definitions = spec["definitions"]
        .as_object()
        .expect("definitions")
        .clone();
    let mut reached = BTreeSet::new();
    let mut pending = Vec::new();
    refs(&Value::Object(kept.clone()), &mut pending);
    while let Some(name) = pending.pop() {
        if reached.insert(name.clone()) {
            if let Some(schema) = definitions.get(&name) {
                refs(schema, &mut pending);
            }
        }
    }
    // Definitions keep the spec's order, which decides the generated types' order and names.
    let kept_definitions: serde_json::Map<String, Value> = definitions
        .into_iter()
        .filter(|(name, _)| reached.contains(name))
        .collect();
    spec["paths"] = Value::Object(kept);
    spec["definitions"] = Value::Object(kept_definitions);
    spec.to_string()
}

/// The definition names of every `#/definitions/...` reference in `value`.
fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                if let Some(name) = target.strip_prefix("#/definitions/") {
                    out.push(name.to_string());
                }
            }
            map.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}
