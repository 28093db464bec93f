//! The parts of a Swagger 2.0 document that the client is generated from.
//!
//! Only what the generator reads is modelled; everything else (the recorded `x-examples`,
//! security definitions, ...) is ignored. Maps keep the document's order, because civis-python
//! derives argument order from it.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

/// The top level of a Swagger 2.0 document.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Document {
    /// The Swagger version; must be `"2.0"`.
    pub swagger: Option<Value>,
    /// Set by OpenAPI 3 documents, which this generator does not read.
    pub openapi: Option<Value>,
    /// Path templates (`/scripts/{id}`) and the operations on them.
    #[serde(default)]
    pub paths: IndexMap<String, PathItem>,
    /// Named schemas, the targets of `#/definitions/...` references.
    #[serde(default)]
    pub definitions: IndexMap<String, Schema>,
    /// Named parameters, the targets of `#/parameters/...` references.
    #[serde(default)]
    pub parameters: IndexMap<String, Parameter>,
}

/// The operations on one path, and the parameters they share.
///
/// Typed, so that reading the spec skips what the generator does not use (the recorded
/// `x-examples` are most of its bytes) without building JSON values for it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PathItem {
    /// Parameters shared by every operation on the path.
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    /// `GET`.
    #[serde(default)]
    pub get: Option<Operation>,
    /// `PUT`.
    #[serde(default)]
    pub put: Option<Operation>,
    /// `POST`.
    #[serde(default)]
    pub post: Option<Operation>,
    /// `DELETE`.
    #[serde(default)]
    pub delete: Option<Operation>,
    /// `OPTIONS`.
    #[serde(default)]
    pub options: Option<Operation>,
    /// `HEAD`.
    #[serde(default)]
    pub head: Option<Operation>,
    /// `PATCH`.
    #[serde(default)]
    pub patch: Option<Operation>,
}

impl PathItem {
    /// The operations present, with their lower-case verbs.
    pub fn operations(&self) -> impl Iterator<Item = (&'static str, &Operation)> {
        [
            ("get", &self.get),
            ("put", &self.put),
            ("post", &self.post),
            ("delete", &self.delete),
            ("options", &self.options),
            ("head", &self.head),
            ("patch", &self.patch),
        ]
        .into_iter()
        .filter_map(|(verb, op)| op.as_ref().map(|op| (verb, op)))
    }
}

/// One operation (a verb on a path).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Operation {
    /// One-line summary; civis-python drops operations whose summary says "deprecated".
    #[serde(default)]
    pub summary: Option<String>,
    /// Longer description.
    #[serde(default)]
    pub description: Option<String>,
    /// Parameters in document order.
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    /// Responses keyed by status code, in document order.
    #[serde(default)]
    pub responses: IndexMap<String, Response>,
    /// The deprecation warning civis-python attaches to the method.
    #[serde(rename = "x-deprecation-warning", default)]
    pub deprecation_warning: Option<String>,
}

/// A path, query or body parameter.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Parameter {
    /// A reference to a shared parameter (`#/parameters/...`) instead of an inline one.
    #[serde(rename = "$ref", default)]
    pub reference: Option<String>,
    /// Name on the wire (query key, path placeholder, or the body's name).
    #[serde(default)]
    pub name: String,
    /// `path`, `query`, `body`, `header` or `formData`.
    #[serde(rename = "in", default)]
    pub location: String,
    /// Whether the caller must give it.
    #[serde(default)]
    pub required: bool,
    /// Human description.
    #[serde(default)]
    pub description: Option<String>,
    /// JSON type of a non-body parameter.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Format hint, e.g. `date-time`.
    #[serde(default)]
    pub format: Option<String>,
    /// Item schema of an array parameter.
    #[serde(default)]
    pub items: Option<Box<Schema>>,
    /// Allowed values.
    #[serde(rename = "enum", default)]
    pub allowed: Option<Vec<Value>>,
    /// Schema of a body parameter.
    #[serde(default)]
    pub schema: Option<Schema>,
}

/// A response of an operation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Response {
    /// Human description.
    #[serde(default)]
    pub description: Option<String>,
    /// Schema of the body, absent for empty responses.
    #[serde(default)]
    pub schema: Option<Schema>,
}

/// A JSON schema as Swagger 2.0 uses it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Schema {
    /// A reference (`#/definitions/Name`) that replaces the rest of the schema.
    #[serde(rename = "$ref", default)]
    pub reference: Option<String>,
    /// `object`, `array`, `string`, `integer`, `number` or `boolean`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Format hint, e.g. `date-time`. The generator does not read it; it is decoded so that a
    /// spec whose format is not a string fails as it always has.
    #[serde(default)]
    #[allow(dead_code)]
    pub format: Option<String>,
    /// Human description.
    #[serde(default)]
    pub description: Option<String>,
    /// Properties of an object, in document order.
    #[serde(default)]
    pub properties: Option<IndexMap<String, Schema>>,
    /// Names of the properties that must be present.
    #[serde(default)]
    pub required: Vec<String>,
    /// Item schema of an array.
    #[serde(default)]
    pub items: Option<Box<Schema>>,
    /// Allowed values.
    #[serde(rename = "enum", default)]
    pub allowed: Option<Vec<Value>>,
}
