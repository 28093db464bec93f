//! The spec's recorded request/response pairs (`x-examples`): how a request is matched against
//! them, and which one is closest when none matches.

use serde_json::Value;

use civis_core::__private::suggest::edit_distance;

/// One recorded request and the answer the API gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Upper-case HTTP verb.
    pub method: String,
    /// Path without host or query, as recorded.
    pub path: String,
    /// Query pairs, decoded, sorted (matching ignores their order).
    pub query: Vec<(String, String)>,
    /// The JSON body, if the request had one.
    pub body: Option<Value>,
    /// The recorded status.
    pub status: u16,
    /// The recorded headers (without those the server sets itself).
    pub headers: Vec<(String, String)>,
    /// The recorded body text.
    pub response_body: String,
    /// The spec path template it is recorded under (`/scripts/{id}`).
    pub template: String,
}

/// Headers a server computes for itself; recorded values would be wrong for our answer.
const HOP_HEADERS: &[&str] = &[
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
];

/// Every recorded example of a spec, in spec order.
pub fn examples(spec: &Value) -> Vec<Example> {
    let mut out = Vec::new();
    let Some(paths) = spec.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (template, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (verb, op) in item {
            for example in op
                .get("x-examples")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                for request in example
                    .get("requests")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(parsed) = parse(template, verb, request) {
                        out.push(parsed);
                    }
                }
            }
        }
    }
    out
}

fn parse(template: &str, verb: &str, request: &Value) -> Option<Example> {
    let text = |key: &str| request.get(key).and_then(Value::as_str);
    let method = text("request_method").unwrap_or(verb).to_uppercase();
    let url = text("request_path")?;
    // `http://api.civis.test/scripts/7?x=1` → `/scripts/7`, `x=1`.
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path_and_query = without_scheme
        .find('/')
        .map_or("/", |i| &without_scheme[i..]);
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let body = match request.get("request_body") {
        Some(Value::String(body)) if !body.trim().is_empty() => {
            Some(serde_json::from_str(body).ok()?)
        }
        _ => None,
    };
    let headers = request
        .get("response_headers")
        .and_then(Value::as_object)
        .map(|headers| {
            headers
                .iter()
                .filter(|(name, _)| !HOP_HEADERS.contains(&name.to_ascii_lowercase().as_str()))
                // Rack joins repeated headers with newlines; send them as separate lines.
                .flat_map(|(name, value)| {
                    let lines = value.as_str().unwrap_or_default().lines();
                    lines
                        .map(|line| (name.clone(), line.to_string()))
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Example {
        method,
        path: percent_decode(path),
        query: query_pairs(query),
        body,
        status: request
            .get("response_status")
            .and_then(Value::as_u64)
            .and_then(|s| u16::try_from(s).ok())?,
        headers,
        response_body: text("response_body").unwrap_or_default().to_string(),
        template: template.to_string(),
    })
}

/// Decoded, sorted `key=value` pairs of a query string (`+` is a space, as forms encode it).
/// Boolean words are lower-cased: the API reads `True` (civis-python's spelling) and `true`
/// alike, so matching does too.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let mut value = percent_decode(&value.replace('+', " "));
            if value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false") {
                value.make_ascii_lowercase();
            }
            (percent_decode(&key.replace('+', " ")), value)
        })
        .collect();
    pairs.sort();
    pairs
}

/// `%XX` sequences to bytes; anything malformed is kept as it is.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A request as the mock sees it, for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// Upper-case HTTP verb.
    pub method: String,
    /// Decoded path.
    pub path: String,
    /// Decoded, sorted query pairs.
    pub query: Vec<(String, String)>,
    /// The JSON body, if any.
    pub body: Option<Value>,
}

impl Incoming {
    /// The path's segments, without empty ones (`/files/` is `["files"]`).
    pub fn segments(&self) -> Vec<&str> {
        crate::routing::segments(&self.path)
    }

    /// The JSON body's fields; empty when the body is not a JSON object.
    pub fn body_fields(&self) -> serde_json::Map<String, Value> {
        match &self.body {
            Some(Value::Object(fields)) => fields.clone(),
            _ => serde_json::Map::new(),
        }
    }

    /// Whether `example` records this request: same verb and path, the same query pairs in any
    /// order, and the same JSON body (an absent body and `{}` are the same).
    pub fn matches(&self, example: &Example) -> bool {
        self.method == example.method
            && self.path == example.path
            && self.query == example.query
            && same_body(self.body.as_ref(), example.body.as_ref())
    }

    /// The recorded request nearest to this one, and how it differs.
    pub fn closest<'e>(&self, examples: &'e [Example]) -> Option<(&'e Example, &'static str)> {
        let line = |method: &str, path: &str, query: &[(String, String)]| {
            let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{method} {path}?{}", query.join("&"))
        };
        let mine = line(&self.method, &self.path, &self.query);
        let best = examples.iter().min_by_key(|e| {
            let distance = edit_distance(&mine, &line(&e.method, &e.path, &e.query));
            // Prefer the same verb and path over a shorter textual distance.
            (e.method != self.method, e.path != self.path, distance)
        })?;
        let why = if best.method != self.method {
            "differs in method"
        } else if best.path != self.path {
            "differs in path"
        } else if best.query != self.query {
            "differs in query"
        } else {
            "differs in JSON body"
        };
        Some((best, why))
    }
}

fn same_body(a: Option<&Value>, b: Option<&Value>) -> bool {
    let empty = |v: Option<&Value>| {
        v.is_none_or(|v| v.is_null() || v.as_object().is_some_and(|o| o.is_empty()))
    };
    match (a, b) {
        (Some(a), Some(b)) => a == b || (empty(Some(a)) && empty(Some(b))),
        (a, b) => empty(a) && empty(b),
    }
}

/// `GET /path?query` of an example, for messages.
pub fn describe(example: &Example) -> String {
    let query: Vec<String> = example
        .query
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if query.is_empty() {
        format!("{} {}", example.method, example.path)
    } else {
        format!("{} {}?{}", example.method, example.path, query.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_match_in_any_order_and_bodies_ignore_empty() {
        assert_eq!(
            query_pairs("b=2&a=1&s%5B%5D=x"),
            [
                ("a".into(), "1".into()),
                ("b".into(), "2".into()),
                ("s[]".into(), "x".into())
            ]
        );
        assert_eq!(query_pairs("hidden=True"), query_pairs("hidden=true"));
        assert_eq!(percent_decode("a%20b%2"), "a b%2");
        assert!(same_body(None, Some(&serde_json::json!({}))));
        assert!(!same_body(None, Some(&serde_json::json!({"a": 1}))));
    }
}
