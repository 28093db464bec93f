//! Where the spec comes from when no file is named: a download from `GET /endpoints` with the
//! API key (retried), cached for 24 hours; at run time (`get_api_spec`, `cache_api_spec`) and at
//! build time (`civis_api!` without a path).
//!
//! One test, because it sets environment variables that the whole process shares.

use civis_mock::Scripted;
use civis_tests::scripted_server;

fn minimal_spec() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/ui/specs/minimal.json"
    ))
    .unwrap()
}

#[test]
fn the_spec_is_downloaded_retried_and_cached() {
    let spec = minimal_spec();
    let server = scripted_server([Scripted::json(503, "{}"), Scripted::json(200, spec.clone())]);
    let cache =
        std::env::temp_dir().join(format!("civis-spec-download-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&cache);
    std::env::set_var("CIVIS_API_ENDPOINT", server.url());
    std::env::set_var("CIVIS_API_KEY", "download-key");

    // Run time: the download survives a 503, and the cache holds the bytes as served.
    civis::spec::download_to(&cache, "download-key").unwrap();
    assert_eq!(std::fs::read_to_string(&cache).unwrap(), spec);
    let value = civis::spec::download("download-key").unwrap();
    assert_eq!(value["swagger"], "2.0");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert!(
        requests
            .iter()
            .all(|r| r.url == "/endpoints"
                && r.header("authorization") == Some("Bearer download-key"))
    );

    // Build time: no path and no CIVIS_API_SPEC (an empty value hides the one .cargo/config.toml
    // sets), so the macro downloads into the cache that CIVIS_API_SPEC_CACHE names.
    std::fs::remove_file(&cache).unwrap();
    std::env::set_var("CIVIS_API_SPEC", "");
    std::env::set_var("CIVIS_API_SPEC_CACHE", &cache);
    {
        let cases = trybuild::TestCases::new();
        cases.pass("ui-download/downloaded.rs");
    } // trybuild builds and runs the cases here, when `cases` is dropped
      // The cache of this endpoint: CIVIS_API_SPEC_CACHE's name with the endpoint in it.
    let keyed =
        civis_core::__private::spec_files::cache_path(|name| std::env::var(name).ok()).unwrap();
    assert_ne!(keyed, cache);
    assert_eq!(std::fs::read_to_string(&keyed).unwrap(), spec);
    assert!(!cache.exists(), "the API's own cache is left alone");
    assert!(server.requests().len() > 3, "the build downloaded the spec");
    let _ = std::fs::remove_file(&keyed);
}
