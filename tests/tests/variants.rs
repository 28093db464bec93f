//! The generator on spec shapes that the spec snapshot does not have but other Civis spec
//! releases may: `Object0`-style names, inline nested objects, recursion through a second type,
//! definitions that are arrays or free-form, path-level and header parameters, names that are
//! Rust keywords or clash with generated items. The fixture is `specs/variants.json`.

use civis_tests::as_json;
use serde_json::json;

mod variants_client {
    civis::civis_api!("specs/variants.json", resources = "all");
}

use variants_client::{types, ApiClient};

fn client() -> ApiClient {
    ApiClient::builder()
        .api_key("k")
        .base_url("http://127.0.0.1:9/")
        .build()
        .unwrap()
}

#[test]
fn methods_are_named_by_civis_pythons_rules() {
    let table: Vec<_> = ApiClient::operations().iter().map(as_json).collect();
    let names: Vec<String> = table
        .iter()
        .map(|m| {
            format!(
                "{}.{} {} {}",
                m["resource"].as_str().unwrap(),
                m["method"].as_str().unwrap(),
                m["verb"].as_str().unwrap(),
                m["path"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "call_me.get_self GET /call-me/self",
            "widgets.get GET /widgets/{id}",
            "widgets.get_options GET /widgets/{id}/options",
            "widgets.get_tree GET /widgets/{id}/tree",
            "widgets.list GET /widgets",
            "widgets.list_twins GET /widgets/{id}/twins",
            "widgets.patch PATCH /widgets/{id}",
            "widgets.post POST /widgets",
            "widgets.put_runs_outputs_object_type PUT /widgets/{id}/runs/{run_id}/outputs/{object_type}/{object_id}",
        ]
    );
    let method = |name: &str| {
        let index = ApiClient::operations()
            .iter()
            .position(|op| op.method == name)
            .unwrap();
        (&table[index], &ApiClient::operations()[index])
    };
    let (list, _) = method("list");
    assert_eq!(list["iterable"], true);
    // civis-python's camel_to_snake of `X-Trace`; the setter is the identifier `x__trace`.
    assert_eq!(
        list["optional"],
        json!(["limit", "page_num", "status", "type", "send", "x-_trace"])
    );
    // A path parameter echoed in the body is positional and a keyword, as in civis-python.
    let (patch, patch_op) = method("patch");
    assert_eq!(patch["required"], json!(["id", "name"]));
    assert_eq!(patch["optional"], json!(["id", "settings"]));
    assert_eq!(patch["deprecated"], true);
    assert_eq!(patch_op.deprecated, Some("Use PUT instead."));
}

#[test]
fn keyword_and_clashing_names_get_usable_setters() {
    let request = client()
        .widgets()
        .list()
        .status(["new", "old"])
        .r#type("b")
        .send_(true)
        .x__trace("abc")
        .http_request()
        .unwrap();
    // Booleans read as civis-python (Python's `str(True)`) sends them.
    assert_eq!(
        request.path_and_query,
        "/widgets?status%5B%5D=new&status%5B%5D=old&type=b&send=True"
    );
    assert_eq!(request.headers, vec![("X-Trace", "abc".to_string())]);
    // The resource `call_me` does not shadow `ApiClient::call`.
    assert_eq!(
        client()
            .call_me()
            .get_self()
            .http_request()
            .unwrap()
            .path_and_query,
        "/call-me/self"
    );
}

#[test]
fn nested_request_types_serialise_with_snake_case_keys() {
    let owner = types::Object2 {
        id: Some(5),
        name: Some("ann".into()),
        display_name: Some("Ann".into()),
    };
    let request = client()
        .widgets()
        .post("w")
        .owner(&owner)
        .sizes([1, 2])
        .params(&[json!({"anyKey": 1})])
        .http_request()
        .unwrap();
    assert_eq!(
        request.body,
        Some(json!({
            "name": "w",
            "owner": {"id": 5, "name": "ann", "display_name": "Ann"},
            "sizes": [1, 2],
            "params": [{"anyKey": 1}]
        }))
    );
    #[allow(deprecated)]
    let patch = client()
        .widgets()
        .patch(3, "renamed")
        .settings(&types::PatchWidgetsIdSettings {
            colour: Some("red".into()),
        })
        .http_request()
        .unwrap();
    assert_eq!(patch.path_and_query, "/widgets/3");
    assert_eq!(
        patch.body,
        Some(json!({"id": 3, "name": "renamed", "settings": {"colour": "red"}}))
    );
}

#[test]
fn responses_decode_renamed_recursive_and_aliased_types() {
    let widget: types::Object0 = serde_json::from_value(json!({
        "id": 1, "type": "a", "self": true, "lastRunAt": "2026-01-01T00:00:00Z", "HTTPCode": 200,
        "s3Path": "s3://b/k", "score": 0.5, "x-weird.name": "w", "arguments": {"KEEP": "as is"},
        "nested": {"inner": {"deep": 3}}, "matrix": [[1.0, 2.5]], "parent": {"id": 0, "parent": null},
        "notInTheSpec": 1
    }))
    .unwrap();
    assert_eq!(widget.r#type.as_deref(), Some("a"));
    assert_eq!(widget.self_, Some(true));
    assert_eq!(widget.last_run_at.as_deref(), Some("2026-01-01T00:00:00Z"));
    assert_eq!(widget.http_code, Some(200));
    assert_eq!(widget.s3_path.as_deref(), Some("s3://b/k"));
    assert_eq!(widget.x_weird_name.as_deref(), Some("w"));
    assert_eq!(widget.arguments, Some(json!({"KEEP": "as is"})));
    assert_eq!(widget.nested.unwrap().inner.unwrap().deep, Some(3));
    assert_eq!(widget.matrix, Some(vec![vec![1.0, 2.5]]));
    assert_eq!(widget.parent.unwrap().id, Some(0));

    let tree: types::Node = serde_json::from_value(json!({
        "children": [{"children": []}], "partner": {"node": {"children": null}}
    }))
    .unwrap();
    assert_eq!(tree.children.unwrap().len(), 1);
    assert!(tree.partner.unwrap().node.unwrap().children.is_none());

    // Object2 travels both ways: decoded from camelCase, encoded (above) as snake_case.
    let aliased: types::Aliased =
        serde_json::from_value(json!([{"id": 1, "displayName": "Ann"}])).unwrap();
    assert_eq!(aliased[0].id, Some(1));
    assert_eq!(aliased[0].display_name.as_deref(), Some("Ann"));
    let free: types::Free = serde_json::from_value(json!({"anything": [1, 2]})).unwrap();
    assert_eq!(free, json!({"anything": [1, 2]}));
}

#[test]
fn definitions_named_like_std_types_keep_their_names() {
    // `Vec`, `Option` and `self` are spec definitions here. Generated code writes std's types
    // by their full paths, so `Vec` and `Option` keep their names; `Self` is a keyword, so the
    // definition `self` becomes `Self2`.
    let decoded: types::Vec = serde_json::from_value(json!({
        "items": [{"value": "a"}, {"value": null}],
        "owner": {"id": 7},
        "empty": {"anything": 1}
    }))
    .unwrap();
    let items: std::vec::Vec<types::Option> = decoded.items.unwrap();
    assert_eq!(items[0].value.as_deref(), Some("a"));
    assert_eq!(items[1].value, None);
    let owner: types::Self2 = decoded.owner.unwrap();
    assert_eq!(owner.id, Some(7));
    assert!(decoded.empty.is_some());
    let client = client();
    let call = client.widgets().get_options(3);
    assert_eq!(call.operation().path, "/widgets/{id}/options");
}

#[test]
fn identical_definitions_are_one_type() {
    // `OptionCopy` has the fields of `Option`, so it is merged into it; then `Twin2` has the
    // fields of `Twin`, and is merged in the next pass.
    let twin: types::Twin = types::Twin2 {
        left: Some(types::OptionCopy {
            value: Some("same".into()),
        }),
        count: Some(2),
    };
    let copy: types::Option = twin.left.clone().unwrap();
    assert_eq!(copy.value.as_deref(), Some("same"));
    let decoded: Vec<types::Twin2> =
        serde_json::from_value(json!([{"left": {"value": "v"}, "count": 1}])).unwrap();
    assert_eq!(decoded[0].count, Some(1));
    // The method still names the spec's definition; it is the same type.
    let client = client();
    let _: variants_client::Call<'_, Vec<types::Twin>, _> = client.widgets().list_twins(1);
}
