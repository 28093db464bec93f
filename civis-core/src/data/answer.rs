//! What an answer means: its body decoded (strictly, then leniently with the place of a
//! failure), or the error a non-2xx answer stands for. Kept apart from the answer's types so that
//! the error (which holds a finished run, which holds an answer) sits between them.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::data::error::Error;
use crate::data::lenient::Lenient;
use crate::data::response::{RawResponse, Response};

impl RawResponse {
    /// Decodes the body as JSON into `T`; an empty body reads as `null`. Where the API departs
    /// from its spec in known ways (a number in a string field, `90.0` in an integer field, an
    /// object where a list is documented) the value is read leniently.
    /// A failure names the request, the place in the JSON, and quotes the start of the body.
    pub fn json<T: DeserializeOwned>(&self, method: &str, path: &str) -> Result<T, Error> {
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &self.body
        };
        // The fast path: plain serde_json. Tracking where in the JSON a failure happens costs an
        // allocation per object key (serde_path_to_error), and the lenient rules cost a wrapper
        // per value, so both are paid only when strict decoding has failed: the body is then
        // decoded again, leniently, with tracking to say where it still fails.
        if let Ok(value) = serde_json::from_slice(body) {
            return Ok(value);
        }
        let decode_error = |detail: String| Error::Decode {
            method: method.to_string(),
            path: path.to_string(),
            detail,
            snippet: self.snippet(),
        };
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let value = serde_path_to_error::deserialize(Lenient(&mut deserializer)).map_err(|e| {
            let at = e.path().to_string();
            let inner = e.into_inner();
            decode_error(if at == "." {
                inner.to_string()
            } else {
                format!("at `{at}`: {inner}")
            })
        })?;
        deserializer
            .end()
            .map_err(|e| decode_error(e.to_string()))?;
        Ok(value)
    }

    /// The error a non-2xx answer stands for, worded as civis-python words it.
    pub fn into_error(self, method: &str, path: &str) -> Error {
        let status = self.status();
        if status == 401 {
            let message = serde_json::from_slice::<Value>(&self.body)
                .ok()
                .and_then(|json| {
                    json.get("errorDescription")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .unwrap_or_default();
            return Error::Unauthorized {
                www_authenticate: self
                    .header("www-authenticate")
                    .unwrap_or_default()
                    .to_string(),
                message,
                method: method.to_string(),
                path: path.to_string(),
            };
        }
        let message = if self.body.is_empty() {
            reason(status).to_string()
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
            status,
            message,
            method: method.to_string(),
            path: path.to_string(),
        }
    }
}

impl Response {
    /// Decodes and converts a raw answer. `from_json_values` marks answers of the `json_values`
    /// resource, whose `value` is user data.
    pub fn from_raw(raw: RawResponse, method: &str, path: &str) -> Result<Self, Error> {
        let json: Value = raw.json(method, path)?;
        let from_json_values = path.trim_start_matches('/').starts_with("json_values");
        Ok(Self::new(json, raw.headers, from_json_values))
    }
}

/// The status's standard reason phrase (`http`'s table, which ureq re-exports), for an error
/// answer without a body.
fn reason(status: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Error")
}
