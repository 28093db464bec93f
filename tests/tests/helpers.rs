//! The id-lookup helpers and identity properties against a loopback server with canned lists:
//! the requests civis-python makes, each branch of the filters, integer pass-through without a
//! request, and memoisation (request counts).

use civis::{Error, NameOrId};
use civis_mock::{MockServer, Scripted};
use civis_tests::all::ApiClient;
use serde_json::{json, Value};

/// A mock that answers each path with canned JSON (and 404 elsewhere).
fn serve(routes: Vec<(&'static str, Value)>) -> MockServer {
    let server = MockServer::scripted().unwrap();
    for (path, body) in routes {
        server.script("GET", path, [Scripted::json(200, body.to_string())]);
    }
    server
}

fn client_of(server: &MockServer) -> ApiClient {
    ApiClient::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .unwrap()
}

fn urls(server: &MockServer) -> Vec<String> {
    server.requests().into_iter().map(|r| r.url).collect()
}

#[test]
fn database_ids_by_name_are_looked_up_once() {
    let server = serve(vec![(
        "/databases",
        json!([{"id": 1, "name": "redshift-general"}, {"id": 2, "name": "other"}]),
    )]);
    let client = client_of(&server);
    assert_eq!(client.get_database_id("redshift-general").unwrap(), 1);
    assert_eq!(
        client
            .get_database_id(String::from("redshift-general"))
            .unwrap(),
        1
    );
    assert_eq!(
        client.clone().get_database_id("redshift-general").unwrap(),
        1,
        "clones share the memo"
    );
    assert_eq!(urls(&server), ["/databases"]);
    let err = client.get_database_id("missing").unwrap_err();
    assert!(matches!(err, Error::NotFound(_)));
    assert_eq!(err.to_string(), "Database missing not found.");
}

#[test]
fn integers_pass_through_without_a_request() {
    let server = serve(vec![]);
    let client = client_of(&server);
    assert_eq!(client.get_database_id(32).unwrap(), 32);
    assert_eq!(client.get_database_id(32u64).unwrap(), 32);
    assert_eq!(client.get_aws_credential_id(1111, None).unwrap(), 1111);
    assert_eq!(client.get_storage_host_id(7i16).unwrap(), 7);
    #[allow(deprecated)]
    let credential = client.get_database_credential_id(5, "db").unwrap();
    assert_eq!(credential, 5);
    assert!(server.requests().is_empty());
    assert!(client.get_database_id(NameOrId::Id(i128::MAX)).is_err());
}

#[test]
fn table_ids_split_quoted_schema_names() {
    let server = serve(vec![
        ("/databases", json!([{"id": 3, "name": "db"}])),
        (
            "/tables",
            json!([{"id": 40, "name": "bar"}, {"id": 41, "name": "bar"}]),
        ),
    ]);
    let client = client_of(&server);
    assert_eq!(
        client
            .get_table_id("\"schema.has.periods\".bar", "db")
            .unwrap(),
        40
    );
    assert_eq!(client.get_table_id("plain", 3).unwrap(), 40);
    assert_eq!(
        client
            .get_table_id("\"schema.has.periods\".bar", "db")
            .unwrap(),
        40
    );
    assert_eq!(
        urls(&server),
        [
            "/databases",
            "/tables?database_id=3&schema=schema.has.periods&name=bar",
            "/tables?database_id=3&name=plain",
        ]
    );
}

#[test]
fn a_table_that_is_not_there_names_table_and_database() {
    let server = serve(vec![("/tables", json!([]))]);
    let err = client_of(&server).get_table_id("foo.bar", 3).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)));
    assert_eq!(err.to_string(), "No tables found for foo.bar in database 3");
}

fn aws_creds() -> Value {
    json!([
        {"id": 1, "name": "shared", "owner": "alice", "type": "Amazon Web Services S3"},
        {"id": 2, "name": "shared", "owner": "me", "type": "Amazon Web Services S3"},
        {"id": 3, "name": "shared", "owner": "me", "type": "Amazon Web Services S3"},
        {"id": 4, "name": "solo", "owner": "bob", "type": "Amazon Web Services S3"},
        {"id": 5, "name": "team", "owner": "alice", "type": "Amazon Web Services S3"},
        {"id": 6, "name": "team", "owner": "bob", "type": "Amazon Web Services S3"},
    ])
}

#[test]
fn aws_credentials_narrow_to_the_owner_then_the_current_user() {
    let server = serve(vec![
        ("/credentials", aws_creds()),
        ("/users/me", json!({"id": 9, "username": "me"})),
    ]);
    let client = client_of(&server);
    assert_eq!(client.get_aws_credential_id("solo", None).unwrap(), 4);
    assert_eq!(
        client.get_aws_credential_id("team", Some("bob")).unwrap(),
        6
    );
    // Several named "shared", no owner: the current user's, and of those the first.
    assert_eq!(client.get_aws_credential_id("shared", None).unwrap(), 2);
    // Several, none the current user's: the first of them (civis-python raises IndexError).
    assert_eq!(client.get_aws_credential_id("team", None).unwrap(), 5);
    assert_eq!(
        urls(&server),
        [
            "/credentials?type=Amazon%20Web%20Services%20S3",
            "/credentials?type=Amazon%20Web%20Services%20S3",
            "/credentials?type=Amazon%20Web%20Services%20S3",
            "/users/me",
            "/credentials?type=Amazon%20Web%20Services%20S3",
        ],
        "the username is looked up once"
    );
    let err = client
        .get_aws_credential_id("team", Some("carol"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "AWS credential ID for team owned by carol cannot be found"
    );
    let err = client.get_aws_credential_id("nope", None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "AWS credential ID for nope cannot be found"
    );
}

#[test]
#[allow(deprecated)]
fn database_credentials_filter_by_username_and_host() {
    let creds = json!([
        {"id": 10, "username": "jsmith", "remoteHostId": 1, "remoteHostName": "redshift-general"},
        {"id": 11, "username": "jsmith", "remoteHostId": 2, "remoteHostName": "other"},
    ]);
    let server = serve(vec![("/credentials", creds)]);
    let client = client_of(&server);
    assert_eq!(
        client
            .get_database_credential_id("jsmith", "other")
            .unwrap(),
        11
    );
    assert_eq!(client.get_database_credential_id("jsmith", 1).unwrap(), 10);
    assert_eq!(
        urls(&server),
        ["/credentials?type=Database", "/credentials?type=Database"]
    );
    let err = client.get_database_credential_id("jdoe", 1).unwrap_err();
    assert_eq!(err.to_string(), "Credential ID for jdoe on 1 not found.");
}

#[test]
fn storage_hosts_by_name() {
    let server = serve(vec![(
        "/storage_hosts",
        json!([{"id": 8, "name": "test host"}]),
    )]);
    let client = client_of(&server);
    assert_eq!(client.get_storage_host_id("test host").unwrap(), 8);
    assert_eq!(client.get_storage_host_id("test host").unwrap(), 8);
    assert_eq!(urls(&server), ["/storage_hosts"]);
    assert_eq!(
        client.get_storage_host_id("x").unwrap_err().to_string(),
        "Storage Host x not found."
    );
}

#[test]
#[allow(deprecated)]
fn identity_properties_are_memoised() {
    let server = serve(vec![
        ("/users/me", json!({"id": 9, "username": "me"})),
        ("/credentials", json!([{"id": 77}, {"id": 78}])),
    ]);
    let client = client_of(&server);
    assert_eq!(client.username().unwrap(), "me");
    assert_eq!(client.username().unwrap(), "me");
    assert_eq!(client.default_database_credential_id().unwrap(), Some(77));
    assert_eq!(client.default_database_credential_id().unwrap(), Some(77));
    assert_eq!(client.default_credential().unwrap(), Some(77));
    assert_eq!(
        urls(&server),
        [
            "/users/me",
            "/credentials?default=True&type=Database",
            "/credentials?default=True"
        ]
    );

    let empty = serve(vec![("/credentials", json!([]))]);
    assert_eq!(
        client_of(&empty).default_database_credential_id().unwrap(),
        None
    );
}
