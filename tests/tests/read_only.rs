//! `read_only()` on SQL builders (feature `read-only`) against the mock: a statement that is
//! not a single read is refused by name before any request, whichever ending it has, and a read
//! runs as it would without the guard.

use civis::{Client, Error};
use civis_mock::{MockRows, MockServer};

const DB: i64 = 32;

fn setup() -> (MockServer, Client) {
    civis_tests::mock_with_database(DB, "redshift-general", "read-only-test-key")
}

fn refusal(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Usage(why)) => why,
        other => panic!("not refused as a usage error: {other:?}"),
    }
}

#[test]
fn a_statement_that_is_not_a_single_read_is_refused_before_any_request() {
    let (mock, client) = setup();
    let dir = std::env::temp_dir().join(format!("civis-read-only-{}", std::process::id()));
    let why = refusal(
        client
            .sql("delete from sales.orders", DB)
            .read_only()
            .preview(10),
    );
    assert!(why.contains("a DELETE statement"), "{why}");
    let why = refusal(
        client
            .sql("select * from t; drop table t", "redshift-general")
            .read_only()
            .rows(),
    );
    assert!(why.contains("2 statements"), "{why}");
    let why = refusal(
        client
            .sql(
                "with a as (select 1 as x) insert into t select x from a",
                DB,
            )
            .read_only()
            .to_csv(dir.join("never.csv")),
    );
    assert!(why.contains("an INSERT statement"), "{why}");
    let why = refusal(
        client
            .sql("select * from t where id = {{id}}", DB)
            .param("id", "string", "1; grant all on t to public")
            .read_only()
            .to_civis_file(),
    );
    assert!(why.contains("a GRANT statement"), "{why}");
    // Not a lookup of the database, not a query, not an export script.
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
    assert!(!dir.join("never.csv").exists());
}

#[test]
fn a_single_select_runs_as_it_would_without_the_guard() {
    let (mock, client) = setup();
    let sql = "with recent as (select id from orders) select id from recent union select 2";
    mock.sql_returns(sql, MockRows::new(["id"]).row([Some("1")]).row([Some("2")]));
    let records: Vec<_> = client
        .sql(sql, DB)
        .read_only()
        .rows()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(records.len(), 3, "the header and two rows");
    assert!(!mock.requests().is_empty());
}

/// A saved script's SQL is known only once it is read: `read_only()` checks it then, with the
/// arguments given in place, and refuses before the run starts (the script's GET is the only
/// request); a saved read runs.
#[test]
fn a_saved_script_is_checked_once_read_and_refused_before_its_run() {
    let (mock, client) = setup();
    mock.sql_returns("select 1 as one", MockRows::new(["one"]).row([Some("1")]));
    let script = mock
        .sql_script(serde_json::json!({
            "remote_host_id": DB,
            "sql": "select {{what}}",
            "params": [{"name": "what", "type": "string", "default": "1 as one"}],
        }))
        .unwrap();
    let rows = client.sql_script(script).read_only().rows().unwrap();
    assert_eq!(rows.count(), 2, "the header and the one row");
    mock.clear_requests();
    let why = refusal(
        client
            .sql_script(script)
            .arg("what", "1; delete from sales.orders")
            .read_only()
            .rows(),
    );
    assert!(why.contains("2 statements"), "{why}");
    let requests = mock.requests();
    assert!(
        requests.iter().all(|r| r.method == "GET"),
        "only the script was read: {requests:?}"
    );
    assert!(!requests.is_empty());
}
