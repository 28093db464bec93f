//! The operation table: what each generated method sends, as static data.
//!
//! Every generated client has one table (`ApiClient::operations()`); the typed methods and
//! `ApiClient::call` both build their requests from it, through one shared request path.

/// Where an argument goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    /// Substituted into the path template.
    Path,
    /// Sent in the query string.
    Query,
    /// A key of the JSON body.
    Body,
    /// Sent as an HTTP header.
    Header,
}

/// The JSON type of an argument, for callers that parse arguments from text (the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamKind {
    /// A JSON integer.
    Integer,
    /// A JSON number.
    Number,
    /// A JSON boolean.
    Boolean,
    /// A JSON string.
    String,
    /// A JSON array.
    Array,
    /// A JSON object or any JSON value.
    Object,
}

/// One argument of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// snake_case argument name, as in civis-python.
    pub name: &'static str,
    /// The name on the wire: query key, path placeholder or header name (body keys are `name`).
    pub wire_name: &'static str,
    /// Where the value goes.
    pub location: Location,
    /// The JSON type of the value.
    pub kind: ParamKind,
    /// The spec's description, for help texts.
    pub description: &'static str,
}

/// One method of a generated client, as civis-python names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The resource, e.g. `"scripts"`.
    pub resource: &'static str,
    /// The method, e.g. `"post_sql"`.
    pub method: &'static str,
    /// The upper-case HTTP verb.
    pub verb: &'static str,
    /// The path template with a leading `/`, e.g. `"/scripts/{id}"`.
    pub path: &'static str,
    /// Positional arguments, in civis-python's order.
    pub required: &'static [&'static str],
    /// Optional (keyword) arguments, in civis-python's order.
    pub optional: &'static [&'static str],
    /// Whether the method can iterate over all pages (a GET with `limit` and `page_num`).
    pub iterable: bool,
    /// The deprecation warning, when the method is deprecated.
    pub deprecated: Option<&'static str>,
    /// The spec's one-line summary.
    pub summary: &'static str,
    /// Every argument with where it goes, body properties flattened, in spec order.
    pub params: &'static [Param],
}

impl Operation {
    /// The arguments called `name` (a path parameter can be echoed in the body, so there may be
    /// two).
    pub fn params_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'static Param> + 'a {
        self.params.iter().filter(move |p| p.name == name)
    }

    /// Whether `name` is one of this operation's arguments.
    pub fn accepts(&self, name: &str) -> bool {
        self.params.iter().any(|p| p.name == name)
    }
}
