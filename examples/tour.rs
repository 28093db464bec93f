//! A tour of civis-rs that runs offline: it starts the mock Civis API in-process (answering
//! from the spec's recorded examples) and walks through what a Civis user does first.
//!
//! ```sh
//! cargo run --example tour
//! ```

use std::time::Duration;

use civis::{config::Retry, ApiClient};
use civis_mock::{MockServer, Scripted};
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The spec the ready-made client was generated from (CIVIS_API_SPEC at build time).
    let spec = option_env!("CIVIS_API_SPEC")
        .ok_or("build with CIVIS_API_SPEC set (this repository's .cargo/config.toml does)")?;
    let mock = MockServer::start_from_file(spec)?;
    println!("mock Civis API on {}", mock.url());

    // 1. A client. For the real API: `ApiClient::new()?` reads CIVIS_API_KEY and CIVIS_API_ENDPOINT.
    let client = ApiClient::builder()
        .api_key("offline-demo-key")
        .base_url(mock.url())
        .retry(Retry {
            multiplier: Duration::from_millis(100),
            ..Retry::default()
        })
        .build()?;

    // 2. A typed call: civis-python's `client.users.get_me()`.
    let me = client.users().get_me().send()?;
    println!("users().get_me(): id {:?}, name {:?}", me.id, me.name);

    // 3. The identity and lookup helpers (memoised per client).
    println!("username(): {}", client.username()?);
    let database_id = client.get_database_id("redshift the first")?;
    println!("get_database_id(\"redshift the first\"): {database_id}");

    // 4. A filtered list: `client.tables.list(database_id=5)`.
    let tables = client.tables().list().database_id(5).send()?;
    for table in &tables {
        println!(
            "  table {}.{} ({:?} rows)",
            table.schema.as_deref().unwrap_or("?"),
            table.name.as_deref().unwrap_or("?"),
            table.row_count
        );
    }

    // 5. The dynamic response: civis-python's default `return_type='snake'`.
    let dynamic = client.call("tables", "list", json!({"database_id": 5}))?;
    println!(
        "call(\"tables\", \"list\", ..): first table keys {:?}",
        dynamic.json()[0]
            .as_object()
            .map(|o| o.keys().take(4).collect::<Vec<_>>())
    );

    // 6. Every page: `iterator=True`. The recordings have no paged list, so script two pages.
    let page = |ids: &[i64], current: u32| {
        let items: Vec<_> = ids
            .iter()
            .map(|id| json!({"id": id, "name": format!("user{id}")}))
            .collect();
        Scripted::json(200, serde_json::Value::from(items).to_string())
            .header("X-Pagination-Current-Page", &current.to_string())
            .header("X-Pagination-Per-Page", "2")
            .header("X-Pagination-Total-Pages", "2")
            .header("X-Pagination-Total-Entries", "3")
    };
    mock.script("GET", "/users", [page(&[1, 2], 1), page(&[3], 2)]);
    mock.clear_requests();
    let names: Vec<String> = client
        .users()
        .list()
        .limit(2)
        .iter_all()
        .map(|user| user.map(|u| u.name.unwrap_or_default()))
        .collect::<Result<_, _>>()?;
    println!(
        "users().list().iter_all(): {names:?} in {} requests",
        mock.requests().len()
    );

    // 7. A 503 is retried, as civis-python retries it.
    mock.script(
        "GET",
        "/scripts/{id}",
        [
            Scripted::status(503),
            Scripted::json(200, r#"{"id": 42, "name": "nightly"}"#),
        ],
    );
    mock.clear_requests();
    let script = client.scripts().get(42).send()?;
    println!(
        "scripts().get(42) after a 503: {:?} ({} requests)",
        script.name,
        mock.requests().len()
    );

    // 8. Errors read like civis-python's.
    let error = client.scripts().get_sql(404_404).send().unwrap_err();
    println!("an error: {error}");
    Ok(())
}
