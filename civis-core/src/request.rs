//! The one request path shared by every generated method and by `call`: arguments collected by
//! name, checked against the operation table, and turned into an HTTP request.

use std::fmt::Write as _;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::client::Client;
use crate::error::Error;
use crate::operation::{Location, Operation};
use crate::response::{RawResponse, Response};

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

/// A call being prepared: an operation and the arguments given so far.
///
/// Generated methods wrap it in a typed builder; [`Client::call_table`] fills it from JSON.
#[derive(Debug)]
pub struct Request<'a> {
    client: &'a Client,
    operation: &'static Operation,
    args: Vec<(&'static str, Value)>,
    error: Option<Error>,
}

impl<'a> Request<'a> {
    /// Starts a call of `operation` on `client`.
    pub fn new(client: &'a Client, operation: &'static Operation) -> Self {
        Self {
            client,
            operation,
            args: Vec::new(),
            error: None,
        }
    }

    /// The operation being called.
    pub fn operation(&self) -> &'static Operation {
        self.operation
    }

    /// Sets argument `name` (snake_case) to `value`, replacing an earlier value.
    pub fn arg<T: Serialize + ?Sized>(mut self, name: &str, value: &T) -> Self {
        if self.error.is_some() {
            return self;
        }
        let Some(param) = self.operation.params.iter().find(|p| p.name == name) else {
            self.error = Some(unknown_argument(self.operation, name));
            return self;
        };
        match serde_json::to_value(value) {
            Ok(value) => self.set(param.name, value),
            Err(e) => {
                self.error = Some(Error::Usage(format!(
                    "argument `{name}` of {}.{} cannot be sent as JSON: {e}",
                    self.operation.resource, self.operation.method
                )))
            }
        }
        self
    }

    fn set(&mut self, name: &'static str, value: Value) {
        match self.args.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.args.push((name, value)),
        }
    }

    /// The HTTP request these arguments make.
    pub fn build(&self) -> Result<HttpRequest, Error> {
        if let Some(error) = &self.error {
            return Err(Error::Usage(error.to_string()));
        }
        build_http_request(self.operation, &self.args)
    }

    /// Sends the call and returns the HTTP answer as received (`return_type='raw'`).
    pub fn send_raw(self) -> Result<RawResponse, Error> {
        let request = self.build()?;
        self.client.execute(&request)
    }

    /// Sends the call and decodes the answer into `T`.
    pub fn send<T: DeserializeOwned>(self) -> Result<T, Error> {
        let request = self.build()?;
        self.client
            .execute(&request)?
            .json(request.verb, &request.path_and_query)
    }

    /// Sends the call and returns the dynamic JSON response (`return_type='snake'`).
    pub fn send_dynamic(self) -> Result<Response, Error> {
        let request = self.build()?;
        let raw = self.client.execute(&request)?;
        Response::from_raw(raw, request.verb, &request.path_and_query)
    }
}

impl Client {
    /// Calls the operation `resource.method` of `table` with JSON arguments keyed by their
    /// snake_case names. Unknown operations and arguments are errors naming the closest valid
    /// ones.
    pub fn call_table(
        &self,
        table: &'static [Operation],
        resource: &str,
        method: &str,
        args: Value,
    ) -> Result<Response, Error> {
        self.prepare_call(table, resource, method, args)?
            .send_dynamic()
    }

    /// The request [`Client::call_table`] would send, without sending it.
    pub fn prepare_call<'a>(
        &'a self,
        table: &'static [Operation],
        resource: &str,
        method: &str,
        args: Value,
    ) -> Result<Request<'a>, Error> {
        let operation = find_operation(table, resource, method)?;
        let args = match args {
            Value::Null => Map::new(),
            Value::Object(map) => map,
            other => {
                return Err(Error::Usage(format!(
                    "the arguments of {resource}.{method} must be a JSON object of named arguments, not {other}"
                )))
            }
        };
        let mut request = Request::new(self, operation);
        for (name, value) in args {
            let Some(param) = operation.params.iter().find(|p| p.name == name) else {
                return Err(unknown_argument(operation, &name));
            };
            request.set(param.name, value);
        }
        let missing: Vec<&str> = operation
            .required
            .iter()
            .copied()
            .filter(|name| !request.args.iter().any(|(n, _)| n == name))
            .collect();
        if !missing.is_empty() {
            return Err(Error::Usage(format!(
                "{resource}.{method} is missing the required argument(s) {}",
                missing.join(", ")
            )));
        }
        Ok(request)
    }
}

/// Looks `resource.method` up in a table sorted by resource, then method.
pub fn find_operation(
    table: &'static [Operation],
    resource: &str,
    method: &str,
) -> Result<&'static Operation, Error> {
    if let Ok(index) =
        table.binary_search_by(|op| (op.resource, op.method).cmp(&(resource, method)))
    {
        return Ok(&table[index]);
    }
    let methods: Vec<&str> = table
        .iter()
        .filter(|op| op.resource == resource)
        .map(|op| op.method)
        .collect();
    if methods.is_empty() {
        let mut resources: Vec<&str> = table.iter().map(|op| op.resource).collect();
        resources.dedup();
        return Err(Error::Usage(format!(
            "unknown resource `{resource}`{}",
            crate::suggest::did_you_mean(resource, &resources)
        )));
    }
    Err(Error::Usage(format!(
        "`{resource}` has no method `{method}`{}",
        crate::suggest::did_you_mean(method, &methods)
    )))
}

fn unknown_argument(operation: &Operation, name: &str) -> Error {
    let names: Vec<&str> = operation
        .required
        .iter()
        .chain(operation.optional)
        .copied()
        .collect();
    Error::Usage(format!(
        "{}.{} has no argument `{name}`{}",
        operation.resource,
        operation.method,
        crate::suggest::did_you_mean(name, &names)
    ))
}

/// Places each argument where the operation says: path, query, header or body.
pub fn build_http_request(
    operation: &'static Operation,
    args: &[(&'static str, Value)],
) -> Result<HttpRequest, Error> {
    let mut path = operation.path.to_string();
    let mut query = String::new();
    let mut headers = Vec::new();
    let mut body = Map::new();
    for param in operation.params {
        let Some((_, value)) = args.iter().find(|(name, _)| *name == param.name) else {
            continue;
        };
        match param.location {
            Location::Path => {
                let placeholder = format!("{{{}}}", param.wire_name);
                path = path.replace(&placeholder, &percent_encode(&scalar_text(value)));
            }
            Location::Query => append_query(&mut query, param.wire_name, value),
            Location::Header => headers.push((param.wire_name, scalar_text(value))),
            Location::Body => {
                body.insert(param.name.to_string(), value.clone());
            }
        }
    }
    if let Some(start) = path.find('{') {
        let end = path[start..]
            .find('}')
            .map_or(path.len(), |e| start + e + 1);
        return Err(Error::Usage(format!(
            "{}.{} needs the path argument {}",
            operation.resource,
            operation.method,
            &path[start..end]
        )));
    }
    if !query.is_empty() {
        path.push('?');
        path.push_str(&query);
    }
    let takes_body = operation
        .params
        .iter()
        .any(|p| p.location == Location::Body);
    Ok(HttpRequest {
        verb: operation.verb,
        path_and_query: path,
        headers,
        body: takes_body.then_some(Value::Object(body)),
    })
}

/// Appends `name=value` (or `name[]=v` for each item of an array); `null` is not sent.
fn append_query(query: &mut String, name: &str, value: &Value) {
    let mut push = |name: &str, value: &Value| {
        if value.is_null() {
            return;
        }
        if !query.is_empty() {
            query.push('&');
        }
        let _ = write!(
            query,
            "{}={}",
            percent_encode(name),
            percent_encode(&scalar_text(value))
        );
    };
    match value {
        Value::Array(items) => {
            let array_name = format!("{name}[]");
            for item in items {
                push(&array_name, item);
            }
        }
        other => push(name, other),
    }
}

/// A scalar as it appears in a path or query: strings without quotes, other values as JSON.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
