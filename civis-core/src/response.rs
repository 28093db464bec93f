//! What a call returns besides its typed struct: the raw HTTP answer and the dynamic JSON
//! response.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::Error;

/// The HTTP answer as received: civis-python's `return_type='raw'`.
#[derive(Clone, PartialEq, Eq)]
pub struct RawResponse {
    /// HTTP status code.
    pub status: u16,
    /// Headers with lower-case names, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body's bytes.
    pub body: Vec<u8>,
}

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish()
    }
}

/// How much of a body an error message quotes.
const SNIPPET_CHARS: usize = 200;

impl RawResponse {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Decodes the body as JSON into `T`; an empty body reads as `null`.
    pub fn json<T: DeserializeOwned>(&self, method: &str, path: &str) -> Result<T, Error> {
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|e| Error::Decode {
            method: method.to_string(),
            path: path.to_string(),
            detail: e.to_string(),
            snippet: self.snippet(),
        })
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

    /// The error a non-2xx answer stands for, as civis-python words it.
    pub fn into_error(self, method: &str, path: &str) -> Error {
        if self.status == 401 {
            return Error::Unauthorized {
                www_authenticate: self
                    .header("www-authenticate")
                    .unwrap_or_default()
                    .to_string(),
                method: method.to_string(),
                path: path.to_string(),
            };
        }
        let message = if self.body.is_empty() {
            reason(self.status).to_string()
        } else {
            match serde_json::from_slice::<Value>(&self.body) {
                Ok(json) => json
                    .get("errorDescription")
                    .and_then(Value::as_str)
                    .filter(|m| !m.is_empty())
                    .unwrap_or("No Error Message Available")
                    .to_string(),
                Err(_) => format!("Response Content: {}", self.snippet()),
            }
        };
        Error::Api {
            status: self.status,
            message,
            method: method.to_string(),
            path: path.to_string(),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
}

/// A JSON response read without a typed struct: civis-python's `return_type='snake'`.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    json: Value,
}

impl Response {
    /// Decodes a raw response's body.
    pub fn from_raw(raw: RawResponse, method: &str, path: &str) -> Result<Self, Error> {
        let json = raw.json(method, path)?;
        Ok(Self {
            status: raw.status,
            headers: raw.headers,
            json,
        })
    }

    /// HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The whole JSON body.
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// The value under `key` of an object body.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.json.get(key)
    }

    /// Takes the JSON body.
    pub fn into_json(self) -> Value {
        self.json
    }
}
