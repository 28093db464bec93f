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

/// One argument of an operation. Built by the generated operation table, read by callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
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

/// One method of a generated client, as civis-python names it. Built by the generated operation
/// table (`ApiClient::operations()`), read by callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
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
    /// The first argument called `name` (a path parameter can be echoed in the body, so there
    /// may be a second).
    pub fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// One row of the operation table as the generator writes it and the client reads it back:
/// compact JSON, so a generated client carries one string literal instead of thousands of
/// struct literals (less code for rustc to check, less memory to compile it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MethodRow<S> {
    /// [`Operation::resource`].
    #[serde(rename = "r")]
    pub resource: S,
    /// [`Operation::method`].
    #[serde(rename = "m")]
    pub method: S,
    /// [`Operation::verb`].
    #[serde(rename = "v")]
    pub verb: S,
    /// [`Operation::path`].
    #[serde(rename = "p")]
    pub path: S,
    /// [`Operation::required`].
    #[serde(rename = "q")]
    pub required: Vec<S>,
    /// [`Operation::optional`].
    #[serde(rename = "o")]
    pub optional: Vec<S>,
    /// [`Operation::iterable`].
    #[serde(rename = "i", default, skip_serializing_if = "std::ops::Not::not")]
    pub iterable: bool,
    /// [`Operation::deprecated`].
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<S>,
    /// [`Operation::summary`].
    #[serde(rename = "s")]
    pub summary: S,
    /// [`Operation::params`]: name, wire name (empty when the same), location, kind,
    /// description.
    #[serde(rename = "a")]
    pub params: Vec<(S, S, char, char, S)>,
}

impl Location {
    /// The letter a table row stores.
    pub fn code(self) -> char {
        match self {
            Self::Path => 'P',
            Self::Query => 'Q',
            Self::Body => 'B',
            Self::Header => 'H',
        }
    }

    fn from_code(code: char) -> Self {
        match code {
            'P' => Self::Path,
            'B' => Self::Body,
            'H' => Self::Header,
            _ => Self::Query,
        }
    }
}

impl ParamKind {
    /// The letter a table row stores.
    pub fn code(self) -> char {
        match self {
            Self::Integer => 'I',
            Self::Number => 'N',
            Self::Boolean => 'B',
            Self::String => 'S',
            Self::Array => 'A',
            Self::Object => 'O',
        }
    }

    fn from_code(code: char) -> Self {
        match code {
            'I' => Self::Integer,
            'N' => Self::Number,
            'B' => Self::Boolean,
            'A' => Self::Array,
            'O' => Self::Object,
            _ => Self::String,
        }
    }
}

/// A generated client's operation table: the rows as written by the generator, decoded on
/// first use into [`Operation`]s that live as long as the program.
#[derive(Debug)]
pub struct MethodTable {
    generator: &'static str,
    encoded: &'static str,
    decoded: std::sync::OnceLock<&'static [Operation]>,
}

impl MethodTable {
    /// A table from the JSON rows written by the generator of civis-core version `generator`.
    pub const fn new(generator: &'static str, encoded: &'static str) -> Self {
        Self {
            generator,
            encoded,
            decoded: std::sync::OnceLock::new(),
        }
    }

    /// The operations, decoded once (the strings are kept for the life of the program, as the
    /// generated code's static data would be).
    ///
    /// # Panics
    ///
    /// When the rows do not decode, which happens only when the macro's civis-core (the
    /// generator) and the program's (this reader) are different versions of the row format.
    /// Every generated method indexes this table, so an empty one would fail far from the
    /// cause; the panic names both versions instead.
    pub fn get(&'static self) -> &'static [Operation] {
        self.decoded.get_or_init(|| {
            let rows: Vec<MethodRow<String>> =
                serde_json::from_str(self.encoded).unwrap_or_else(|error| {
                    panic!(
                        "civis: the operation table that civis_api! wrote with civis-core {} does \
                         not decode with civis-core {} ({error}); build with the same version of \
                         civis, civis-macros and civis-core",
                        self.generator,
                        env!("CARGO_PKG_VERSION")
                    )
                });
            leak_operations(rows)
        })
    }
}

impl MethodRow<&str> {
    /// The same row with owned strings.
    pub fn into_owned(self) -> MethodRow<String> {
        let own = |texts: Vec<&str>| texts.into_iter().map(str::to_string).collect();
        MethodRow {
            resource: self.resource.to_string(),
            method: self.method.to_string(),
            verb: self.verb.to_string(),
            path: self.path.to_string(),
            required: own(self.required),
            optional: own(self.optional),
            iterable: self.iterable,
            deprecated: self.deprecated.map(str::to_string),
            summary: self.summary.to_string(),
            params: self
                .params
                .into_iter()
                .map(|(n, w, l, k, d)| (n.to_string(), w.to_string(), l, k, d.to_string()))
                .collect(),
        }
    }
}

/// Operations made from table rows that live as long as the program: for a table built at run
/// time (the command line reads the spec when it starts), which must outlive every request
/// made from it, as a generated table does.
pub fn leak_operations(rows: Vec<MethodRow<String>>) -> &'static [Operation] {
    let operations: Vec<Operation> = rows.into_iter().map(Operation::from_row).collect();
    Box::leak(operations.into_boxed_slice())
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn leak_all(texts: Vec<String>) -> &'static [&'static str] {
    Box::leak(
        texts
            .into_iter()
            .map(leak)
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

impl Operation {
    fn from_row(row: MethodRow<String>) -> Self {
        let params: Vec<Param> = row
            .params
            .into_iter()
            .map(|(name, wire_name, location, kind, description)| {
                let name = leak(name);
                Param {
                    name,
                    wire_name: if wire_name.is_empty() {
                        name
                    } else {
                        leak(wire_name)
                    },
                    location: Location::from_code(location),
                    kind: ParamKind::from_code(kind),
                    description: leak(description),
                }
            })
            .collect();
        Self {
            resource: leak(row.resource),
            method: leak(row.method),
            verb: leak(row.verb),
            path: leak(row.path),
            required: leak_all(row.required),
            optional: leak_all(row.optional),
            iterable: row.iterable,
            deprecated: row.deprecated.map(leak),
            summary: leak(row.summary),
            params: Box::leak(params.into_boxed_slice()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static ROWS: MethodTable = MethodTable::new(
        "0.1.0",
        r#"[{"r":"tables","m":"get","v":"GET","p":"/tables/{id}","q":["id"],"o":[],"s":"Show","a":[["id","","P","I","The id"]]}]"#,
    );

    #[test]
    fn rows_decode_into_operations() {
        let [op] = ROWS.get() else { panic!("one row") };
        assert_eq!((op.resource, op.method, op.verb), ("tables", "get", "GET"));
        assert_eq!(
            op.param("id").map(|p| (p.location, p.kind)),
            Some((Location::Path, ParamKind::Integer))
        );
    }

    static OTHER_FORMAT: MethodTable = MethodTable::new("9.9.9", r#"{"rows": []}"#);

    #[test]
    #[should_panic(expected = "wrote with civis-core 9.9.9 does not decode with civis-core")]
    fn rows_of_another_format_panic_naming_both_versions() {
        OTHER_FORMAT.get();
    }
}
