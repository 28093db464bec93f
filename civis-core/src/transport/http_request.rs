//! An HTTP request ready to send: what a call becomes once its arguments are in place, and what
//! the client sends (retried as its rules say).

use serde_json::Value;

/// An HTTP request ready to send, relative to the client's base URL.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    /// Upper-case HTTP verb.
    pub verb: &'static str,
    /// Path (with a leading `/`) and query string, percent-encoded.
    pub path_and_query: String,
    /// Extra headers from header parameters.
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body, for operations that take one.
    pub body: Option<Value>,
}
