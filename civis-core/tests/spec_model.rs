//! The spec model built from the real Civis spec names every method as civis-python does.
#![cfg(feature = "spec")]

use std::path::Path;

use civis_core::spec::{self, Resources};
use serde_json::Value;

fn shared_file(name: &str) -> String {
    let spec = Path::new(env!("CIVIS_API_SPEC"));
    let path = spec.with_file_name(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn table(resources: Resources) -> Vec<Value> {
    let api =
        spec::load(&shared_file("civis_api_spec.json"), resources).expect("the shared spec loads");
    api.operations
        .iter()
        .map(|op| {
            serde_json::json!({
                "resource": op.resource,
                "method": op.method,
                "verb": op.verb,
                "path": op.path,
                "required": op.required,
                "optional": op.optional,
                "iterable": op.iterable,
                "deprecated": op.deprecated.is_some(),
            })
        })
        .collect()
}

#[test]
fn all_resources_equal_civis_python_method_table() {
    let expected: Vec<Value> = serde_json::from_str(&shared_file("methods.json")).unwrap();
    let actual = table(Resources::All);
    for (a, e) in actual.iter().zip(&expected) {
        assert_eq!(a, e);
    }
    assert_eq!(actual.len(), expected.len());
    assert_eq!(actual.len(), 909);
}

#[test]
fn base_resources_are_the_33_stable_ones() {
    let actual = table(Resources::Base);
    let mut resources: Vec<&str> = actual
        .iter()
        .map(|m| m["resource"].as_str().unwrap())
        .collect();
    resources.dedup();
    assert_eq!(actual.len(), 857);
    assert_eq!(resources.len(), 33);
}
