// Built by tests/spec_download.rs with no spec path and no CIVIS_API_SPEC: the macro downloads
// the spec from the test's loopback server and caches it.
mod client {
    civis::civis_api!(resources = "all");
}

fn main() {
    let names: Vec<String> = client::ApiClient::operations()
        .iter()
        .map(|op| format!("{}.{}", op.resource, op.method))
        .collect();
    assert_eq!(names, ["users.get_me", "users.list_me"]);
}
