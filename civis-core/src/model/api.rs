//! The intermediate model the generator works from: operations with flattened parameters and
//! civis-python's names, and the named types they use. Built from a Swagger document by
//! [`super::build`]; turned into Rust by the `civis_api!` macro.

pub use crate::data::methods::Location;

/// The type of a parameter, field or response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExpr {
    /// JSON integer.
    Integer,
    /// JSON number.
    Number,
    /// JSON boolean.
    Boolean,
    /// JSON string (dates included).
    String,
    /// Any JSON value: free-form objects and schemas without a type.
    Any,
    /// JSON array.
    Array(Box<TypeExpr>),
    /// A named type: an index into [`Api::types`].
    Named(usize),
}

impl TypeExpr {
    /// The JSON type name, as the spec writes it.
    pub fn json_kind(&self) -> &'static str {
        match self {
            Self::Integer => "integer",
            Self::Number => "number",
            Self::Boolean => "boolean",
            Self::String => "string",
            Self::Any | Self::Named(_) => "object",
            Self::Array(_) => "array",
        }
    }
}

/// One argument of a generated method.
#[derive(Debug, Clone)]
pub struct Param {
    /// snake_case argument name (civis-python's `camel_to_snake` of the spec name).
    pub name: String,
    /// The name in the spec: the query key, path placeholder or header name.
    pub wire_name: String,
    /// Where the value goes.
    pub location: Location,
    /// Whether the argument is positional (required).
    pub required: bool,
    /// The spec's description.
    pub description: String,
    /// The value's type.
    pub ty: TypeExpr,
    /// Allowed values, when the spec lists them.
    pub allowed: Vec<String>,
}

/// One method of a resource.
#[derive(Debug, Clone)]
pub struct Operation {
    /// Resource name (`scripts`, `json_values`).
    pub resource: String,
    /// Method name (`list`, `post_sql`, `get_me`).
    pub method: String,
    /// Upper-case HTTP verb.
    pub verb: String,
    /// Path template with a leading `/`.
    pub path: String,
    /// One-line summary.
    pub summary: String,
    /// Longer description, may be empty.
    pub description: String,
    /// The deprecation warning, for deprecated operations and legacy aliases.
    pub deprecated: Option<String>,
    /// GET with `limit` and `page_num`: can iterate over all pages.
    pub iterable: bool,
    /// Arguments in spec order, body properties flattened in place.
    pub params: Vec<Param>,
    /// Positional argument names, in civis-python's order.
    pub required: Vec<String>,
    /// Keyword argument names, in civis-python's order.
    pub optional: Vec<String>,
    /// Type of the success body; `None` when the spec documents no body.
    pub response: Option<TypeExpr>,
    /// Description of the success response.
    pub response_description: String,
}

/// One field of a named object type.
#[derive(Debug, Clone)]
pub struct Field {
    /// The JSON key (camelCase in responses).
    pub json_name: String,
    /// snake_case field name, unique within the type.
    pub name: String,
    /// The spec's description.
    pub description: String,
    /// The value's type.
    pub ty: TypeExpr,
    /// Listed in the schema's `required`.
    pub required: bool,
    /// The field refers back to its own type without an array in between, so it needs a box.
    pub boxed: bool,
    /// Allowed values, when the spec lists them.
    pub allowed: Vec<String>,
}

/// A named type: a spec definition or an inline object schema given a name.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Where it comes from: the definition name, or `Parent.field` for inline objects.
    pub origin: String,
    /// UpperCamelCase name, unique within the model; a valid Rust identifier as it is (not
    /// `Self`).
    pub name: String,
    /// The spec's description.
    pub description: String,
    /// Fields of an object type.
    pub fields: Vec<Field>,
    /// Set when the definition is not an object but another type (an array, a string, ...).
    pub alias: Option<TypeExpr>,
    /// Reachable from a response: needs deserialising.
    pub in_response: bool,
    /// Reachable from a request argument: needs serialising.
    pub in_request: bool,
}

/// The whole generated API.
#[derive(Debug, Clone, Default)]
pub struct Api {
    /// Every method, sorted by resource then method name.
    pub(crate) operations: Vec<Operation>,
    /// Every named type, definitions first in spec order.
    pub(crate) types: Vec<TypeDef>,
}

impl Api {
    /// Resource names in order, each once.
    pub(crate) fn resources(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .operations
            .iter()
            .map(|op| op.resource.as_str())
            .collect();
        names.dedup();
        names
    }
}
