//! What a call returns besides its typed struct: the response headers (rate limit, pagination),
//! the raw HTTP answer (`return_type='raw'`) and the dynamic snake_case JSON response
//! (`return_type='snake'`).

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};

use crate::data::case::{camel_to_snake, camel_to_snake_owned};

/// The status and headers of an answer, readable on every kind of response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Headers {
    /// HTTP status code.
    pub status: u16,
    /// Headers in the order received, names as sent.
    pub entries: Vec<(String, String)>,
}

/// The API's rate-limit headers: 1,000 general or 100 run-creating requests per 300 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the period.
    pub limit: u64,
    /// `X-RateLimit-Remaining`: requests left in the period (civis-python's `calls_remaining`).
    pub remaining: u64,
    /// `X-RateLimit-Reset`, when the answer has it: how long until the period starts again.
    /// The header is read as seconds from now, or as a Unix time when it is that large.
    pub resets_in: Option<Duration>,
}

/// A `X-RateLimit-Reset` this large is a Unix time (seconds since 1970), not a count of
/// seconds from now: no period lasts 30 years.
const RESET_AS_UNIX_TIME: u64 = 1_000_000_000;

/// The pagination headers of a list page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Pagination {
    /// `X-Pagination-Current-Page`, from 1.
    pub current_page: u64,
    /// `X-Pagination-Per-Page`.
    pub per_page: u64,
    /// `X-Pagination-Total-Pages`.
    pub total_pages: u64,
    /// `X-Pagination-Total-Entries`.
    pub total_entries: u64,
}

impl Headers {
    /// The status and headers of an answer as ureq received it.
    pub(crate) fn of<B>(response: &ureq::http::Response<B>) -> Self {
        Self {
            status: response.status().as_u16(),
            entries: response
                .headers()
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_string(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
        }
    }

    /// The first header called `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn number(&self, name: &str) -> Option<u64> {
        self.get(name)?.trim().parse().ok()
    }

    /// The rate-limit headers, when the answer has the limit and the remaining count (the
    /// reset is read when it is there too).
    pub fn rate_limit(&self) -> Option<RateLimit> {
        let resets_in = self.number("X-RateLimit-Reset").map(|reset| {
            if reset < RESET_AS_UNIX_TIME {
                return Duration::from_secs(reset);
            }
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default();
            Duration::from_secs(reset).saturating_sub(now)
        });
        Some(RateLimit {
            limit: self.number("X-RateLimit-Limit")?,
            remaining: self.number("X-RateLimit-Remaining")?,
            resets_in,
        })
    }

    /// The pagination headers, when the answer has all four.
    pub fn pagination(&self) -> Option<Pagination> {
        Some(Pagination {
            current_page: self.number("X-Pagination-Current-Page")?,
            per_page: self.number("X-Pagination-Per-Page")?,
            total_pages: self.number("X-Pagination-Total-Pages")?,
            total_entries: self.number("X-Pagination-Total-Entries")?,
        })
    }
}

/// The HTTP answer as received: civis-python's `return_type='raw'`.
#[derive(Clone, PartialEq, Eq)]
pub struct RawResponse {
    /// Status and headers.
    pub headers: Headers,
    /// The body's bytes.
    pub body: Vec<u8>,
}

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("headers", &self.headers)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish()
    }
}

/// How much of a body an error message quotes.
const SNIPPET_CHARS: usize = 200;

impl RawResponse {
    /// HTTP status code.
    pub fn status(&self) -> u16 {
        self.headers.status
    }

    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)
    }

    /// The start of the body as text, for error messages.
    pub fn snippet(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let mut snippet: String = text.chars().take(SNIPPET_CHARS).collect();
        if text.chars().count() > SNIPPET_CHARS {
            snippet.push_str("...");
        }
        snippet
    }
}

/// The typed response of an operation whose spec documents no body (a 204, a 202): whatever
/// the API sends is accepted and ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoContent;

impl<'de> serde::Deserialize<'de> for NoContent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| NoContent)
    }
}

/// Keys whose object values keep their children's keys as sent: script arguments and service
/// environment variables are often ALL_CAPS names (civis-python's
/// `_RESPONSE_KEYS_PRESERVE_CASE`).
const PRESERVE_CHILD_KEYS: &[&str] = &["arguments", "environmentVariables"];

/// A JSON answer without a typed struct: civis-python's `return_type='snake'`.
///
/// Object keys are snake_case at every level, except the children of `arguments` and
/// `environmentVariables` and the `value` of a JSON value, which stay as sent.
/// [`get`](Response::get) finds a key by its snake_case or its original name.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    headers: Headers,
    json: Value,
}

impl Response {
    /// Converts decoded JSON.
    pub fn new(json: Value, headers: Headers, from_json_values: bool) -> Self {
        let json = match json {
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(|item| match item {
                        Value::Object(map) => {
                            Value::Object(snake_object(map, true, from_json_values))
                        }
                        other => other,
                    })
                    .collect(),
            ),
            Value::Object(map) => Value::Object(snake_object(map, true, from_json_values)),
            other => other,
        };
        Self { headers, json }
    }

    /// HTTP status code.
    pub fn status(&self) -> u16 {
        self.headers.status
    }

    /// Status and headers, with the rate-limit and pagination helpers.
    pub fn headers(&self) -> &Headers {
        &self.headers
    }

    /// The whole JSON body, keys in snake_case.
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// Takes the JSON body.
    pub fn into_json(self) -> Value {
        self.json
    }

    /// The value under `key` of an object body; `key` may be snake_case or as sent
    /// (`"last_run_at"` or `"lastRunAt"`).
    pub fn get(&self, key: &str) -> Option<&Value> {
        let object = self.json.as_object()?;
        object.get(key).or_else(|| object.get(&camel_to_snake(key)))
    }
}

/// civis-python's `Response.__init__`: converts the keys of `map`, recursing into objects and
/// into objects inside lists.
fn snake_object(
    map: Map<String, Value>,
    snake_keys: bool,
    from_json_values: bool,
) -> Map<String, Value> {
    let is_json_value =
        from_json_values || map.get("objectType").and_then(Value::as_str) == Some("JSONValue");
    map.into_iter()
        .map(|(key, value)| {
            let value = match value {
                value if key == "value" && is_json_value => value,
                Value::Object(child) => {
                    let keep = PRESERVE_CHILD_KEYS.contains(&key.as_str());
                    Value::Object(snake_object(child, !keep, false))
                }
                Value::Array(items) => Value::Array(
                    items
                        .into_iter()
                        .map(|item| match item {
                            Value::Object(child) => Value::Object(snake_object(child, true, false)),
                            other => other,
                        })
                        .collect(),
                ),
                other => other,
            };
            let key = if snake_keys {
                camel_to_snake_owned(key)
            } else {
                key
            };
            (key, value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn converted(json: Value, from_json_values: bool) -> Value {
        Response::new(json, Headers::default(), from_json_values).into_json()
    }

    #[test]
    fn keys_become_snake_case_except_where_civis_python_keeps_them() {
        let answer = converted(
            json!({
                "lastRunAt": 1,
                "lastRun": {"finishedAt": 2, "arguments": {"MY_VAR": {"innerKey": 3}}},
                "arguments": {"MY_VAR": {"innerKey": 3}},
                "environmentVariables": {"DB_HOST": "h"},
                "runs": [{"runId": 4}, [{"notConverted": 5}]],
            }),
            false,
        );
        assert_eq!(
            answer,
            json!({
                "last_run_at": 1,
                "last_run": {"finished_at": 2, "arguments": {"MY_VAR": {"inner_key": 3}}},
                "arguments": {"MY_VAR": {"inner_key": 3}},
                "environment_variables": {"DB_HOST": "h"},
                "runs": [{"run_id": 4}, [{"notConverted": 5}]],
            })
        );
    }

    #[test]
    fn json_values_keep_their_value() {
        let value = json!({"objectType": "JSONValue", "value": {"someKey": 1}});
        assert_eq!(
            converted(value, false),
            json!({"object_type": "JSONValue", "value": {"someKey": 1}})
        );
        let value = json!({"id": 1, "value": {"someKey": 1}});
        assert_eq!(
            converted(value.clone(), true),
            json!({"id": 1, "value": {"someKey": 1}})
        );
        assert_eq!(
            converted(value, false),
            json!({"id": 1, "value": {"some_key": 1}})
        );
    }

    #[test]
    fn lookup_by_either_name_and_headers() {
        let headers = Headers {
            status: 200,
            entries: vec![
                ("X-RateLimit-Limit".into(), "1000".into()),
                ("x-ratelimit-remaining".into(), "998".into()),
            ],
        };
        let response = Response::new(json!({"lastRunAt": "t"}), headers, false);
        assert_eq!(response.get("lastRunAt"), Some(&json!("t")));
        assert_eq!(response.get("last_run_at"), Some(&json!("t")));
        assert_eq!(
            response.headers().rate_limit(),
            Some(RateLimit {
                limit: 1000,
                remaining: 998,
                resets_in: None,
            })
        );
        assert_eq!(response.headers().pagination(), None);
    }

    #[test]
    fn the_reset_is_read_as_seconds_from_now_or_as_a_unix_time() {
        let with_reset = |reset: String| Headers {
            status: 200,
            entries: vec![
                ("X-RateLimit-Limit".into(), "1000".into()),
                ("X-RateLimit-Remaining".into(), "10".into()),
                ("X-RateLimit-Reset".into(), reset),
            ],
        };
        let relative = with_reset("42".into()).rate_limit().unwrap();
        assert_eq!(relative.resets_in, Some(Duration::from_secs(42)));
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let absolute = with_reset((now + 120).to_string()).rate_limit().unwrap();
        let resets_in = absolute.resets_in.unwrap();
        assert!(resets_in <= Duration::from_secs(120) && resets_in >= Duration::from_secs(100));
        let past = with_reset((now - 5).to_string()).rate_limit().unwrap();
        assert_eq!(past.resets_in, Some(Duration::ZERO));
    }

    #[test]
    fn decode_errors_say_where() {
        let raw = RawResponse {
            headers: Headers::default(),
            body: br#"{"id": "seven"}"#.to_vec(),
        };
        #[derive(Debug, serde::Deserialize)]
        struct Script {
            #[allow(dead_code)]
            id: Option<i64>,
        }
        let error = raw
            .json::<Script>("GET", "/scripts/7")
            .unwrap_err()
            .to_string();
        assert!(error.contains("GET /scripts/7"), "{error}");
        assert!(error.contains("at `id`"), "{error}");
        assert!(error.contains(r#"{"id": "seven"}"#), "{error}");
    }
}
