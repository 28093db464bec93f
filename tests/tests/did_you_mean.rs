//! A misspelt database or table gets "did you mean", against the mock over real HTTP, and a
//! misspelt table in `select_table`/`read_table` is found before any export job starts.

use civis::{Client, Error};
use civis_mock::{MockRows, MockServer};

const DB: i64 = 32;

fn setup() -> (MockServer, Client) {
    let (mock, client) =
        civis_tests::mock_with_database(DB, "redshift-general", "did-you-mean-test-key");
    mock.table(
        DB,
        "public.users",
        MockRows::new(["id", "name"]).row([Some("1"), Some("ann")]),
    );
    (mock, client)
}

fn not_found(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::NotFound(message)) => message,
        other => panic!("expected Error::NotFound, got {other:?}"),
    }
}

#[test]
fn a_misspelt_database_or_table_gets_the_closest_name() {
    let (_mock, client) = setup();
    let message = not_found(client.get_database_id("redshift-genral"));
    assert!(
        message.contains("did you mean `redshift-general`?"),
        "{message}"
    );
    let message = not_found(client.get_table_id("public.usres", DB));
    assert!(
        message.contains("did you mean `public.users`?"),
        "{message}"
    );
    // A misspelt schema: the closest of every schema's tables.
    let message = not_found(client.get_table_id("pubilc.users", "redshift-general"));
    assert!(
        message.contains("did you mean `public.users`?"),
        "{message}"
    );
    // Nothing close: no suggestion.
    let message = not_found(client.get_table_id("public.zzzzzzzzzz", DB));
    assert!(!message.contains("did you mean"), "{message}");
}

#[test]
fn a_misspelt_table_is_refused_before_any_export_starts() {
    let (mock, client) = setup();
    let message = not_found(client.read_table("public.usres", DB));
    assert!(
        message.contains("did you mean `public.users`?"),
        "{message}"
    );
    let message = not_found(client.select_table("public.usres", DB).rows());
    assert!(
        message.contains("did you mean `public.users`?"),
        "{message}"
    );
    let message = not_found(
        client
            .select_table("public.users", "redshift-genral")
            .rows(),
    );
    assert!(
        message.contains("did you mean `redshift-general`?"),
        "{message}"
    );
    assert!(
        civis_tests::posts(&mock, "/scripts/sql").is_empty(),
        "an export was started"
    );

    // The right name reads.
    let rows: Vec<_> = client
        .read_table("public.users", DB)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2);
}
