//! The Swagger 2.0 model of the Civis API spec and civis-python's naming rules: everything the
//! `civis_api!` macro needs to know about a spec, without the transport.
//!
//! [`load`] parses and validates a spec and builds the [`model::Api`] that code is generated
//! from.

pub mod build;
pub mod model;
pub mod naming;
pub mod swagger;

use std::fmt;

pub use model::Api;
pub use naming::Resources;

/// A spec that cannot be turned into a client, with a message that says what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    message: String,
}

impl SpecError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SpecError {}

/// Parses a spec's text, checks that it is Swagger 2.0, and builds the model of the operations
/// that `resources` selects.
pub fn load(text: &str, resources: Resources) -> Result<Api, SpecError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        SpecError::new(format!(
            "the spec is not valid JSON: {} at line {}, column {}",
            describe_json_error(&e),
            e.line(),
            e.column()
        ))
    })?;
    let Some(object) = value.as_object() else {
        return Err(SpecError::new(
            "the spec is not a Swagger 2.0 document: its top level is not a JSON object",
        ));
    };
    match (object.get("swagger"), object.get("openapi")) {
        (Some(serde_json::Value::String(version)), _) if version == "2.0" => {}
        (_, Some(version)) => {
            return Err(SpecError::new(format!(
                "the spec is OpenAPI {version}, not Swagger 2.0; use the Swagger 2.0 spec that the \
                 Civis API serves at GET /endpoints"
            )))
        }
        (Some(version), None) => {
            return Err(SpecError::new(format!(
                "the spec says `\"swagger\": {version}`; civis_api! reads Swagger 2.0 (`\"swagger\": \"2.0\"`)"
            )))
        }
        (None, None) => {
            return Err(SpecError::new(
                "the spec is not a Swagger 2.0 document: it has no `\"swagger\": \"2.0\"` field; use \
                 the spec that the Civis API serves at GET /endpoints",
            ))
        }
    }
    let doc: swagger::Document = from_value_at(value, "")?;
    build::build(&doc, resources)
}

/// Deserialises the part of the spec found at `at` (a dotted path, empty for the root); an
/// error names the exact place that does not fit.
pub(crate) fn from_value_at<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    at: &str,
) -> Result<T, SpecError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let place = match (at.is_empty(), inner == ".") {
            (true, true) => "its top level".to_string(),
            (true, false) => format!("`{inner}`"),
            (false, true) => format!("`{at}`"),
            (false, false) => format!("`{at}.{inner}`"),
        };
        SpecError::new(format!(
            "the spec is not valid Swagger 2.0 at {place}: {}",
            e.inner()
        ))
    })
}

fn describe_json_error(error: &serde_json::Error) -> String {
    // serde_json appends " at line L column C" to its message; the caller reports those itself.
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
