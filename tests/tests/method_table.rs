//! The generated operation tables equal civis-python's method table (`methods.json`), entry for
//! entry: every resource, method name, verb, path, argument order, iterability and deprecation.

use std::collections::BTreeSet;

use civis_tests::{all, as_json, civis_python_methods};

#[test]
fn all_resources_equal_civis_python_entry_for_entry() {
    let expected = civis_python_methods();
    let actual: Vec<_> = all::ApiClient::operations().iter().map(as_json).collect();
    for (index, (a, e)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(a, e, "entry {index} differs");
    }
    assert_eq!(actual.len(), expected.len(), "number of methods");
    assert_eq!(actual.len(), 909);
    let resources: BTreeSet<_> = all::ApiClient::operations()
        .iter()
        .map(|op| op.resource)
        .collect();
    assert_eq!(resources.len(), 41);
}

#[test]
fn base_resources_are_civis_pythons_857_methods_on_33_resources() {
    let operations = civis::ApiClient::operations();
    let resources: BTreeSet<&str> = operations.iter().map(|op| op.resource).collect();
    let expected: Vec<_> = civis_python_methods()
        .into_iter()
        .filter(|m| resources.contains(m["resource"].as_str().unwrap()))
        .collect();
    let actual: Vec<_> = operations.iter().map(as_json).collect();
    assert_eq!(actual, expected);
    assert_eq!(actual.len(), 857);
    assert_eq!(resources.len(), 33);
    assert!(
        !resources.contains("admin"),
        "admin is in development, not base"
    );
}

#[test]
fn deprecated_methods_carry_their_warning() {
    let ops = all::ApiClient::operations();
    let find = |resource: &str, method: &str| {
        ops.iter()
            .find(|op| op.resource == resource && op.method == method)
            .unwrap()
    };
    let alias = find("users", "list_me");
    // Worded for Rust: what to call instead, not civis-python's removal schedule.
    let note = alias.deprecated.unwrap();
    assert!(note.starts_with("use `users().get_me()`"), "{note}");
    assert!(!note.contains("civis-python v3"), "{note}");
    assert_eq!(find("users", "get_me").deprecated, None);
    assert_eq!(alias.path, find("users", "get_me").path);
}
