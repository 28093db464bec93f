//! The typed methods read as a user writes them, build the request civis-python sends, and
//! decode the answer into the generated structs, against a real HTTP server on loopback.

use civis::http::HttpRequest;
use civis_mock::{MockServer, Scripted};
use civis_tests::all::ApiClient;
use civis_tests::scripted_server;
use serde_json::json;

fn client(base_url: &str) -> ApiClient {
    ApiClient::builder()
        .api_key("test-key")
        .base_url(base_url)
        .build()
        .unwrap()
}

#[test]
fn list_with_optional_arguments_builds_the_query() {
    let client = client("http://127.0.0.1:9/");
    let request = client
        .tables()
        .list()
        .database_id(32)
        .schema("public")
        .http_request()
        .unwrap();
    assert_eq!(
        request,
        HttpRequest {
            verb: "GET",
            path_and_query: "/tables?database_id=32&schema=public".into(),
            headers: vec![],
            body: None,
        }
    );
}

#[test]
fn post_sql_takes_required_arguments_in_civis_python_order() {
    let client = client("http://127.0.0.1:9/");
    let call = client
        .scripts()
        .post_sql("name", "select 1", 1, 2)
        .parent_id(7);
    let request = call.http_request().unwrap();
    assert_eq!(request.verb, "POST");
    assert_eq!(request.path_and_query, "/scripts/sql");
    assert_eq!(
        request.body,
        Some(
            json!({"name": "name", "sql": "select 1", "remote_host_id": 1, "credential_id": 2, "parent_id": 7})
        )
    );
}

#[test]
fn path_parameters_are_percent_encoded() {
    let client = client("http://127.0.0.1:9/");
    let request = client
        .aliases()
        .get_object_type("scripts/sql", "my alias")
        .http_request()
        .unwrap();
    assert_eq!(request.path_and_query, "/aliases/scripts%2Fsql/my%20alias");
}

#[test]
fn call_by_name_builds_the_same_request_as_the_typed_method() {
    let client = client("http://127.0.0.1:9/");
    let typed = client
        .tables()
        .list()
        .database_id(32)
        .schema("public")
        .http_request()
        .unwrap();
    let ops = ApiClient::operations();
    let by_name = client
        .prepare_call(
            ops,
            "tables",
            "list",
            json!({"database_id": 32, "schema": "public"}),
        )
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(typed, by_name);
}

#[test]
fn call_names_the_closest_method_and_argument() {
    let client = client("http://127.0.0.1:9/");
    let err = client
        .call("tables", "lst", json!({}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("did you mean `list`"), "{err}");
    let err = client
        .call("tables", "list", json!({"databse_id": 1}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("did you mean `database_id`"), "{err}");
    let err = client
        .call("tabels", "list", json!({}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("did you mean `tables`"), "{err}");
    let err = client
        .call("scripts", "post_sql", json!({"name": "x"}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("sql, remote_host_id, credential_id"), "{err}");
}

/// A mock with one canned JSON answer.
fn serve_once(status: u16, body: &'static str) -> (String, MockServer) {
    let server = scripted_server([Scripted::json(status, body)]);
    (server.url().to_string(), server)
}

/// The request line, `Authorization` header and body of the one request received.
fn received(server: &MockServer) -> (String, String, String) {
    let request = &server.requests()[0];
    let auth = request
        .header("authorization")
        .unwrap_or_default()
        .to_string();
    (
        format!("{} {}", request.method, request.url),
        auth,
        request.body.clone(),
    )
}

#[test]
fn send_decodes_the_typed_response() {
    let (url, server) = serve_once(
        200,
        r#"[{"id": 7, "databaseId": 32, "schema": "public", "name": "users", "rowCount": 1200, "unknownField": true, "owner": null}]"#,
    );
    let tables = client(&url).tables().list().database_id(32).send().unwrap();
    let (line, auth, _) = received(&server);
    assert_eq!(line, "GET /tables?database_id=32");
    assert_eq!(auth, "Bearer test-key");
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].id, Some(7));
    assert_eq!(tables[0].database_id, Some(32));
    assert_eq!(tables[0].row_count, Some(1200));
    assert_eq!(tables[0].name.as_deref(), Some("users"));
}

#[test]
fn post_sends_a_snake_case_json_body() {
    let (url, server) = serve_once(201, r#"{"id": 99, "name": "name", "sql": "select 1"}"#);
    let script = client(&url)
        .scripts()
        .post_sql("name", "select 1", 1, 2)
        .send()
        .unwrap();
    let (line, _, body) = received(&server);
    assert_eq!(line, "POST /scripts/sql");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        body,
        json!({"name": "name", "sql": "select 1", "remote_host_id": 1, "credential_id": 2})
    );
    assert_eq!(script.id, Some(99));
}

#[test]
fn an_error_status_reads_like_civis_python() {
    let (url, server) = serve_once(
        404,
        r#"{"error": "not_found", "errorDescription": "The requested resource could not be found.", "code": 404}"#,
    );
    let err = client(&url).scripts().get(7).send().unwrap_err();
    received(&server);
    assert_eq!(
        err.to_string(),
        "(404) The requested resource could not be found. (GET /scripts/7)"
    );
}
