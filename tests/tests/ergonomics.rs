//! What users asked for, tried as a new user would: arguments of the types Rust code holds,
//! prepared calls that can be cloned, response types that serialise back to the API's JSON and
//! compare with `==`, the HTTP status of an error, and the `crate = "..."` option.

use civis_mock::{MockServer, Scripted};
use civis_tests::all::{types, ApiClient};
use civis_tests::{scripted_server, snapshot_file};
use serde_json::{json, Value};

fn offline_client() -> ApiClient {
    ApiClient::builder()
        .api_key("k")
        .base_url("http://127.0.0.1:9/")
        .build()
        .unwrap()
}

#[test]
fn arguments_take_what_rust_code_holds() {
    let client = offline_client();
    // An unsigned integer where the API takes an integer.
    let get = client.tables().get(7u32).http_request().unwrap();
    assert_eq!(get.path_and_query, "/tables/7");
    // An owned `String` where it takes a string, and a `Vec<String>` where it takes an array.
    let name = String::from("n");
    let post = client
        .scripts()
        .post_sql(name, "select 1", 1, 2u8)
        .http_request()
        .unwrap();
    let body = post.body.unwrap();
    assert_eq!(
        (
            &body["name"],
            &body["sql"],
            &body["remote_host_id"],
            &body["credential_id"]
        ),
        (&json!("n"), &json!("select 1"), &json!(1), &json!(2))
    );
    let patch = client
        .tables()
        .patch(1)
        .primary_keys(vec![String::from("id")])
        .http_request()
        .unwrap();
    assert_eq!(patch.body.unwrap()["primary_keys"], json!(["id"]));
    // Borrowed strings and arrays still work.
    let keys = [String::from("a"), String::from("b")];
    let patch = client
        .tables()
        .patch(1)
        .primary_keys(&keys)
        .http_request()
        .unwrap();
    assert_eq!(patch.body.unwrap()["primary_keys"], json!(["a", "b"]));
}

#[test]
fn a_prepared_call_can_be_cloned_and_sent_twice() {
    let server = scripted_server([Scripted::json(200, r#"{"id": 7}"#)]);
    let client = ApiClient::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .unwrap();
    let call = client.tables().list().database_id(32).limit(5);
    let again = call.clone();
    assert_eq!(call.http_request().unwrap(), again.http_request().unwrap());
    call.send_raw().unwrap();
    again.send_raw().unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].url, requests[1].url);
    assert!(
        requests[0].url.contains("database_id=32"),
        "{}",
        requests[0].url
    );
}

#[test]
fn errors_give_the_http_status() {
    let server = scripted_server([Scripted::json(404, r#"{"errorDescription": "gone"}"#)]);
    let client = ApiClient::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .unwrap();
    let error = client.tables().get(7).send().unwrap_err();
    assert_eq!(error.status(), Some(404), "{error}");
}

#[test]
fn a_recorded_answer_round_trips_through_serde_json_and_eq() {
    let server = MockServer::start_from_file(snapshot_file("civis_api_spec.json")).unwrap();
    let client = ApiClient::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .unwrap();
    let recorded: Value =
        serde_json::from_slice(&client.users().get_me().send_raw().unwrap().body).unwrap();
    let user: types::UserMe = client.users().get_me().send().unwrap();
    let written = serde_json::to_string(&user).unwrap();
    let read_back: types::UserMe = serde_json::from_str(&written).unwrap();
    assert!(read_back == user, "{written}");
    // Written as the API sent it: every key written is the recorded key with the recorded
    // value (fields the spec does not declare, and nulls, are not kept).
    let written: Value = serde_json::from_str(&written).unwrap();
    let written = written.as_object().unwrap();
    assert!(written.len() > 5, "{written:?}");
    for (key, value) in written {
        assert_eq!(Some(value), recorded.get(key), "{key}");
    }
}

mod renamed {
    // The crate under another name, as a renamed dependency would have it.
    civis_renamed::civis_api!(
        "specs/variants.json",
        resources = "all",
        crate = "::civis_renamed"
    );
}

#[test]
fn the_crate_option_names_a_renamed_civis() {
    let client = renamed::ApiClient::builder()
        .api_key("k")
        .base_url("http://127.0.0.1:9/")
        .build()
        .unwrap();
    let request: civis_renamed::http::HttpRequest = client.widgets().get(3).http_request().unwrap();
    assert_eq!(request.path_and_query, "/widgets/3");
}
