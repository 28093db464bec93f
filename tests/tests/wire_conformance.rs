//! For every method of the spec snapshot, `client.call` with sample arguments sends what
//! civis-python 2.10.1 sends for the same arguments: verb, path, query and JSON body.
//!
//! The expectation is computed here, independently of the generator, the way civis-python
//! builds a request: `path.format(**path_args)`, the query arguments in spec order with
//! `name[]` for lists and Python's `str()` of each value, and the body arguments as a JSON
//! object. One deliberate difference: civis-python sends `{}` as the body of every GET and
//! DELETE; we send no body there when the operation has no body parameters.

use civis_mock::Scripted;
use civis_tests::all::ApiClient;
use civis_tests::scripted_server;
use civis_tests::{civis_python_methods, snapshot_file};
use serde_json::{json, Map, Value};

/// civis-python's `camel_to_snake`, written again here so the test does not trust the code
/// under test (two regex passes, then lower case).
fn camel_to_snake(word: &str) -> String {
    let c: Vec<char> = word.chars().collect();
    let mut first = String::new();
    let mut i = 0;
    while i < c.len() {
        if i + 2 < c.len() && c[i + 1].is_ascii_uppercase() && c[i + 2].is_ascii_lowercase() {
            first.push(c[i]);
            first.push('_');
            first.push(c[i + 1]);
            i += 2;
            while i < c.len() && c[i].is_ascii_lowercase() {
                first.push(c[i]);
                i += 1;
            }
        } else {
            first.push(c[i]);
            i += 1;
        }
    }
    let c: Vec<char> = first.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        out.push(c[i]);
        if i + 1 < c.len()
            && (c[i].is_ascii_lowercase() || c[i].is_ascii_digit())
            && c[i + 1].is_ascii_uppercase()
        {
            out.push('_');
            out.push(c[i + 1]);
            i += 2;
        } else {
            i += 1;
        }
    }
    out.to_lowercase()
}

/// A sample value for a parameter or property schema.
fn sample(schema: &Value) -> Value {
    if schema.get("$ref").is_some() {
        return json!({"key": "value"});
    }
    match schema["type"].as_str() {
        Some("integer") => json!(7),
        Some("number") => json!(2.5),
        Some("boolean") => json!(true),
        Some("array") => {
            let item = sample(&schema["items"]);
            json!([item.clone(), item])
        }
        Some("object") => json!({"key": "value"}),
        _ => json!("abc"),
    }
}

/// Python's `str()` of a JSON scalar.
fn python_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        other => other.to_string(),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

struct Expected {
    args: Map<String, Value>,
    path: String,
    query: Vec<(String, String)>,
    body: Map<String, Value>,
}

/// civis-python's request for one method, every argument given.
fn expected(spec: &Value, method: &Value) -> Expected {
    let path = method["path"].as_str().unwrap();
    let verb = method["verb"].as_str().unwrap().to_lowercase();
    // Spec paths may carry a trailing `/` (`/aliases/`); civis-python strips it.
    let (_, item) = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(key, _)| key.trim_matches('/') == path.trim_matches('/'))
        .unwrap();
    let op = &item[&verb];
    // (snake name, location, sample) in civis-python's argument order.
    let mut flat: Vec<(String, String, Value)> = Vec::new();
    for param in op["parameters"].as_array().into_iter().flatten() {
        if param["in"] == "body" {
            let reference = param["schema"]["$ref"].as_str().unwrap();
            let name = reference.rsplit('/').next().unwrap();
            for (prop, schema) in spec["definitions"][name]["properties"].as_object().unwrap() {
                flat.push((camel_to_snake(prop), "body".into(), sample(schema)));
            }
        } else {
            flat.push((
                camel_to_snake(param["name"].as_str().unwrap()),
                param["in"].as_str().unwrap().into(),
                sample(param),
            ));
        }
    }
    let mut args = Map::new();
    for name in method["required"]
        .as_array()
        .unwrap()
        .iter()
        .chain(method["optional"].as_array().unwrap())
    {
        let name = name.as_str().unwrap();
        let (_, _, value) = flat
            .iter()
            .find(|(n, _, _)| n == name)
            .unwrap_or_else(|| panic!("{path} {verb}: no argument {name} in {flat:?}"));
        args.insert(name.to_string(), value.clone());
    }
    let mut url = path.to_string();
    let mut query = Vec::new();
    let mut body = Map::new();
    for (name, location, _) in &flat {
        let value = &args[name];
        match location.as_str() {
            "path" => url = url.replace(&format!("{{{name}}}"), &python_str(value)),
            "query" => match value {
                Value::Array(items) => {
                    query.extend(items.iter().map(|v| (format!("{name}[]"), python_str(v))))
                }
                other => query.push((name.clone(), python_str(other))),
            },
            _ => {
                body.insert(name.clone(), value.clone());
            }
        }
    }
    // A name listed twice (a path parameter echoed in the body) is one query entry in Python's
    // dict.
    let mut seen = Vec::new();
    query.retain(|(k, _)| {
        let keep = k.ends_with("[]") || !seen.contains(k);
        seen.push(k.clone());
        keep
    });
    Expected {
        args,
        path: url,
        query,
        body,
    }
}

#[test]
fn every_method_sends_what_civis_python_sends() {
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(snapshot_file("civis_api_spec.json")).unwrap(),
    )
    .unwrap();
    let server = scripted_server([Scripted::json(200, "{}")]);
    let client = ApiClient::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .unwrap();
    let methods = civis_python_methods();
    let mut mismatches = Vec::new();
    for (index, method) in methods.iter().enumerate() {
        let resource = method["resource"].as_str().unwrap();
        let name = method["method"].as_str().unwrap();
        let expected = expected(&spec, method);
        client
            .call(resource, name, Value::Object(expected.args.clone()))
            .unwrap_or_else(|e| panic!("{resource}.{name}: {e}"));
        let sent = &server.requests()[index];
        let (path, query) = sent.url.split_once('?').unwrap_or((&sent.url, ""));
        let query: Vec<(String, String)> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        let verb = method["verb"].as_str().unwrap();
        let body = match sent.json() {
            Some(Value::Object(map)) => map,
            Some(other) => panic!("{resource}.{name}: body {other}"),
            None if matches!(verb, "GET" | "DELETE") && expected.body.is_empty() => Map::new(),
            None => panic!(
                "{resource}.{name}: no body, civis-python sends {:?}; sent {sent:?}",
                expected.body
            ),
        };
        let actual = (sent.method.as_str(), percent_decode(path), query, body);
        let wanted = (
            verb,
            expected.path.clone(),
            expected.query.clone(),
            expected.body.clone(),
        );
        if actual != wanted {
            mismatches.push(format!(
                "{resource}.{name}:\n  sent     {actual:?}\n  expected {wanted:?}"
            ));
        }
    }
    println!(
        "{} of {} methods send civis-python's request",
        methods.len() - mismatches.len(),
        methods.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert_eq!(methods.len(), 909);
}
