//! The spec's 443 recorded request/response pairs (`x-examples`) replayed as a conformance
//! suite: for each recording that belongs to a spec operation, `client.call` with the recorded
//! arguments sends the recorded request (verb, path, query as a multiset, JSON body) to the
//! mock Civis API, and each recorded 2xx body decodes into the operation's typed response.
//!
//! A recording that is inconsistent with its own spec (a key the operation does not declare, a
//! path parameter repeated in the body, a value that does not fit its declared type) is skipped
//! by that rule, and counted.

use std::collections::BTreeMap;

use civis::{config::Retry, methods::Location, methods::Operation, methods::ParamKind};
use civis_mock::{examples, Example, MockServer};
use civis_tests::all::ApiClient;
use civis_tests::snapshot_file;
use serde_json::{Map, Value};

/// The operation a recording was made against: same verb and path template; the preferred name
/// when civis-python also keeps a deprecated alias.
fn operation_for(example: &Example) -> Option<&'static Operation> {
    let template = example.template.trim_matches('/');
    let mut candidates: Vec<&Operation> = ApiClient::operations()
        .iter()
        .filter(|op| op.verb == example.method && op.path.trim_matches('/') == template)
        .collect();
    candidates.sort_by_key(|op| op.deprecated.is_some());
    candidates.first().copied()
}

/// A recorded text value as the declared type.
fn typed(kind: ParamKind, text: &str) -> Result<Value, String> {
    let parsed = match kind {
        ParamKind::Integer => text.parse::<i64>().ok().map(Value::from),
        ParamKind::Number => text.parse::<f64>().ok().map(Value::from),
        ParamKind::Boolean => match text.to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => Some(Value::String(text.to_string())),
    };
    parsed.ok_or_else(|| "a value that does not fit its declared type".to_string())
}

/// The `client.call` arguments that reproduce a recording, or the rule that skips it.
fn arguments(op: &Operation, example: &Example) -> Result<Map<String, Value>, String> {
    let mut args = Map::new();
    let template: Vec<&str> = op.path.trim_matches('/').split('/').collect();
    let actual: Vec<&str> = example.path.trim_matches('/').split('/').collect();
    let mut path_values = BTreeMap::new();
    for (pattern, value) in template.iter().zip(&actual) {
        if let Some(name) = pattern.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            let param = op
                .params
                .iter()
                .find(|p| p.location == Location::Path && p.wire_name == name)
                .unwrap();
            let value = typed(param.kind, value)?;
            path_values.insert(param.name, value.clone());
            args.insert(param.name.to_string(), value);
        }
    }
    let mut arrays: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for (key, text) in &example.query {
        let name = key.trim_end_matches("[]");
        let Some(param) = op
            .params
            .iter()
            .find(|p| p.location == Location::Query && p.wire_name == name)
        else {
            return Err("a query parameter the operation does not declare".into());
        };
        if key.ends_with("[]") {
            arrays
                .entry(param.name)
                .or_default()
                .push(typed(ParamKind::String, text)?);
        } else {
            args.insert(param.name.to_string(), typed(param.kind, text)?);
        }
    }
    for (name, values) in arrays {
        args.insert(name.to_string(), Value::Array(values));
    }
    match &example.body {
        None | Some(Value::Null) => {}
        Some(Value::Object(body)) => {
            for (key, value) in body {
                let declared = op
                    .params
                    .iter()
                    .any(|p| p.location == Location::Body && p.name == key);
                if declared {
                    args.insert(key.clone(), value.clone());
                } else if path_values.get(key.as_str()) == Some(value)
                    || path_values.contains_key(key.as_str())
                {
                    return Err("path parameter repeated in the body".into());
                } else {
                    return Err("a body key the operation does not declare".into());
                }
            }
        }
        Some(_) => return Err("a body that is not a JSON object".into()),
    }
    Ok(args)
}

#[test]
fn recorded_requests_are_reproduced_and_recorded_answers_decode() {
    let spec_text = std::fs::read_to_string(snapshot_file("civis_api_spec.json")).unwrap();
    let spec: Value = serde_json::from_str(&spec_text).unwrap();
    let recorded = examples(&spec);
    let mock = MockServer::start(spec_text, 0).unwrap();
    // Recorded 502s and 429s must reach the test once, not be retried.
    let client = ApiClient::builder()
        .api_key("mock")
        .base_url(mock.url())
        .retry(Retry::none())
        .build()
        .unwrap();

    let (mut reproduced, mut decoded, mut without_operation) = (0, 0, 0);
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for example in &recorded {
        let Some(op) = operation_for(example) else {
            without_operation += 1;
            continue;
        };
        let label = format!(
            "{}.{} ({} {})",
            op.resource, op.method, example.method, example.path
        );
        if (200..300).contains(&example.status) && !example.response_body.trim().is_empty() {
            match ApiClient::decode_response(
                op.resource,
                op.method,
                example.response_body.as_bytes(),
            ) {
                Ok(()) => decoded += 1,
                Err(e) => failures.push(format!(
                    "{label}: the recorded {} body does not decode: {e}",
                    example.status
                )),
            }
        }
        let args = match arguments(op, example) {
            Ok(args) => args,
            Err(rule) => {
                let rule = rule
                    .split(':')
                    .next()
                    .unwrap_or(&rule)
                    .split('`')
                    .next()
                    .unwrap_or(&rule)
                    .trim()
                    .to_string();
                *skipped.entry(rule).or_default() += 1;
                continue;
            }
        };
        mock.clear_requests();
        let outcome = client.call(op.resource, op.method, Value::Object(args));
        let sent = mock.requests();
        let [request] = sent.as_slice() else {
            failures.push(format!("{label}: {} requests sent", sent.len()));
            continue;
        };
        if request.incoming().matches(example) {
            reproduced += 1;
            // The mock answered with the first recording of this request (some requests are
            // recorded more than once), so the call ends as that recording says.
            let answered = recorded
                .iter()
                .find(|e| request.incoming().matches(e))
                .unwrap();
            if outcome.is_ok() != (200..300).contains(&answered.status) {
                failures.push(format!(
                    "{label}: recorded {}, the call returned {outcome:?}",
                    answered.status
                ));
            }
        } else {
            failures.push(format!(
                "{label}: sent {:?}, recorded {:?} {:?}",
                request.incoming(),
                example.query,
                example.body
            ));
        }
    }
    let skipped_total: usize = skipped.values().sum();
    println!(
        "{} recordings: {reproduced} requests reproduced, {decoded} 2xx bodies decoded, {skipped_total} skipped by rule {skipped:?}, {without_operation} without a spec operation",
        recorded.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(recorded.len(), 443);
    assert!(reproduced > 0 && decoded > 0);
}
