//! The repository's pins (`.civis/tables/redshift-general/`) are the mock warehouse's own
//! answers to `GET /tables/{id}`, so the queries the tests check at compile time are checked
//! against the tables the mock runs them on. `UPDATE_PINS=1` writes them again (then review the
//! diff), as `civis tables pin` would.

use std::path::PathBuf;

use civis_tests_sql::{warehouse, DATABASE, TABLES};

#[test]
fn pins_are_the_mocks_tables() -> Result<(), Box<dyn std::error::Error>> {
    let mock = warehouse()?;
    let client = civis::ApiClient::builder()
        .api_key("test")
        .base_url(mock.url())
        .build()?;
    let pins = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../.civis/tables")
        .join(DATABASE);
    let update = std::env::var_os("UPDATE_PINS").is_some();
    let mut stale = Vec::new();
    for table in TABLES {
        let id = client.get_table_id(table.name, DATABASE)?;
        // The answer as the API sends it (camelCase keys), which is what a pin holds.
        let answer: serde_json::Value = client
            .tables()
            .get(id)
            .send_raw()?
            .json("GET", "/tables/{id}")?;
        let path = pins.join(format!("{}.json", table.name));
        if update {
            std::fs::create_dir_all(&pins)?;
            std::fs::write(&path, serde_json::to_string_pretty(&answer)? + "\n")?;
            continue;
        }
        let pinned: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        if without_times(pinned) != without_times(answer) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "pins differ from the mock's tables (UPDATE_PINS=1 rewrites them): {stale:?}"
    );
    Ok(())
}

/// A table's description without the times the mock stamps when it makes the table (its last
/// refresh and updates), which differ from run to run.
fn without_times(mut table: serde_json::Value) -> serde_json::Value {
    if let Some(fields) = table.as_object_mut() {
        for key in ["lastRefresh", "dataUpdatedAt", "schemaUpdatedAt"] {
            fields.remove(key);
        }
    }
    table
}
