//! The one request path shared by every generated method and by `call`: arguments collected by
//! name, checked against the operation table, and turned into an HTTP request.

use std::fmt::{self, Write as _};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::data::error::Error;
use crate::data::methods::{Location, Operation};
use crate::data::response::{Headers, RawResponse, Response};
use crate::transport::client::Client;
use crate::transport::http_request::HttpRequest;

/// A call being prepared: an operation and the arguments given so far.
///
/// Generated methods wrap it in a typed builder; [`Client::call_table`] fills it from JSON.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    client: &'a Client,
    operation: &'static Operation,
    args: Vec<(&'static str, Value)>,
    /// The first argument that could not be set, reported when the call is built; kept as
    /// text so that a prepared call can be cloned.
    error: Option<String>,
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
        let Some(param) = self.operation.param(name) else {
            self.error = Some(unknown_argument(self.operation, name).to_string());
            return self;
        };
        match serde_json::to_value(value) {
            Ok(value) => self.set(param.name, value),
            Err(e) => {
                self.error = Some(format!(
                    "argument `{name}` of {}.{} cannot be sent as JSON: {e}",
                    self.operation.resource, self.operation.method
                ))
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
            return Err(Error::Usage(error.clone()));
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
        self.send_with_headers().map(|(value, _)| value)
    }

    /// Sends the call and decodes the answer into `T`, keeping the status and headers (rate
    /// limit, pagination).
    pub fn send_with_headers<T: DeserializeOwned>(self) -> Result<(T, Headers), Error> {
        let request = self.build()?;
        let raw = self.client.execute(&request)?;
        let value = raw.json(request.verb, &request.path_and_query)?;
        Ok((value, raw.headers))
    }

    /// Sends the call and returns the dynamic JSON response (`return_type='snake'`).
    pub fn send_dynamic(self) -> Result<Response, Error> {
        let request = self.build()?;
        let raw = self.client.execute(&request)?;
        Response::from_raw(raw, request.verb, &request.path_and_query)
    }

    /// Iterates over the items of every page, typed (civis-python's `iterator=True`).
    pub fn iter_all<T: DeserializeOwned>(self) -> Pages<'a, T> {
        Pages::new(self, decode_typed_page::<T>)
    }

    /// Iterates over the items of every page as dynamic responses.
    pub fn iter_all_dynamic(self) -> Pages<'a, Response> {
        Pages::new(self, decode_dynamic_page)
    }
}

fn decode_typed_page<T: DeserializeOwned>(
    raw: RawResponse,
    method: &str,
    path: &str,
) -> Result<Vec<T>, Error> {
    raw.json(method, path)
}

fn decode_dynamic_page(raw: RawResponse, method: &str, path: &str) -> Result<Vec<Response>, Error> {
    let items: Vec<Value> = raw.json(method, path)?;
    let from_json_values = path.trim_start_matches('/').starts_with("json_values");
    Ok(items
        .into_iter()
        .map(|item| Response::new(item, raw.headers.clone(), from_json_values))
        .collect())
}

/// Marks the operations that can iterate over all pages (a GET with `limit` and `page_num`):
/// their generated calls have `iter_all`, which yields `Item`s, the elements of one page.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be paged: its operation has no `limit` and `page_num` arguments, so its call has no `iter_all`",
    label = "this operation cannot be paged",
    note = "send the call with `.send()` for its one answer"
)]
pub trait Iterable {
    /// The type of one item of a page.
    type Item;
}

/// A lazy iterator over the items of all pages of a list operation, one page in memory at a
/// time (civis-python's `iterator=True`).
///
/// It starts at page 1 whatever `page_num` was set to, keeps the other arguments (`limit`
/// included), and stops after the page that the `X-Pagination-*` headers call the last one, or
/// at the first empty page when the answer has no such headers. An error ends the iteration
/// after it is yielded.
pub struct Pages<'a, T> {
    request: Option<Request<'a>>,
    page: u64,
    buffer: std::vec::IntoIter<T>,
    decode: fn(RawResponse, &str, &str) -> Result<Vec<T>, Error>,
}

impl<T> fmt::Debug for Pages<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("request", &self.request)
            .field("page", &self.page)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

impl<'a, T> Pages<'a, T> {
    fn new(
        request: Request<'a>,
        decode: fn(RawResponse, &str, &str) -> Result<Vec<T>, Error>,
    ) -> Self {
        Self {
            request: Some(request),
            page: 1,
            buffer: Vec::new().into_iter(),
            decode,
        }
    }

    /// Fetches the next page; `None` when there is none.
    fn fetch(&mut self) -> Option<Result<Vec<T>, Error>> {
        let request = self.request.as_mut()?;
        let operation = request.operation;
        let Some(page_num) = operation.param("page_num") else {
            self.request = None;
            return Some(Err(Error::Usage(format!(
                "{}.{} is not paginated: it has no page_num argument",
                operation.resource, operation.method
            ))));
        };
        request.set(page_num.name, Value::from(self.page));
        let result = request.build().and_then(|http| {
            let raw = request.client.execute(&http)?;
            let last_page = raw
                .headers
                .pagination()
                .map(|p| p.current_page >= p.total_pages);
            let items = (self.decode)(raw, http.verb, &http.path_and_query)?;
            Ok((items, last_page))
        });
        match result {
            Ok((items, last_page)) => {
                if items.is_empty() || last_page == Some(true) {
                    self.request = None;
                }
                self.page += 1;
                Some(Ok(items))
            }
            Err(error) => {
                self.request = None;
                Some(Err(error))
            }
        }
    }
}

impl<T> Iterator for Pages<'_, T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some(Ok(item));
            }
            match self.fetch()? {
                Ok(items) => self.buffer = items.into_iter(),
                Err(error) => return Some(Err(error)),
            }
        }
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
            let Some(param) = operation.param(&name) else {
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
    operation_index(table, resource, method).map(|index| &table[index])
}

/// The position of `resource.method` in a table sorted by resource, then method; unknown names
/// are errors naming the closest valid ones.
pub fn operation_index(table: &[Operation], resource: &str, method: &str) -> Result<usize, Error> {
    if let Ok(index) =
        table.binary_search_by(|op| (op.resource, op.method).cmp(&(resource, method)))
    {
        return Ok(index);
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
            crate::data::suggest::did_you_mean(resource, &resources)
        )));
    }
    Err(Error::Usage(format!(
        "`{resource}` has no method `{method}`{}",
        crate::data::suggest::did_you_mean(method, &methods)
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
        crate::data::suggest::did_you_mean(name, &names)
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
    // civis-python always sends a JSON object; a GET, DELETE or HEAD without body parameters
    // is sent without one, which the API reads the same and proxies handle better.
    let takes_body = matches!(operation.verb, "POST" | "PUT" | "PATCH")
        || operation
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

/// A GET of `path` with query arguments, encoded as every generated call encodes them; for
/// requests made outside the operation table (the lookup helpers).
pub(crate) fn get_request(path: &str, query: &[(&str, Value)]) -> HttpRequest {
    let mut path_and_query = path.to_string();
    let mut encoded = String::new();
    for (name, value) in query {
        append_query(&mut encoded, name, value);
    }
    if !encoded.is_empty() {
        path_and_query.push('?');
        path_and_query.push_str(&encoded);
    }
    HttpRequest {
        verb: "GET",
        path_and_query,
        headers: Vec::new(),
        body: None,
    }
}

impl Client {
    /// `GET path?query`, its JSON answer decoded as `T`: for the fixed API paths of the helpers
    /// and workflows, which go through the same transport, retries and errors as generated
    /// calls.
    pub(crate) fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, Value)],
    ) -> Result<T, Error> {
        let request = get_request(path, query);
        self.execute(&request)?
            .json(request.verb, &request.path_and_query)
    }

    /// `GET path`, its JSON answer as a [`Response`] (snake_case keys, as civis-python's
    /// answers): for workflows that hand the whole answer to the caller.
    pub(crate) fn get_response(&self, path: &str) -> Result<Response, Error> {
        let request = get_request(path, &[]);
        let raw = self.execute(&request)?;
        Response::from_raw(raw, request.verb, &request.path_and_query)
    }

    /// `verb path` with the JSON `body` (snake_case keys, as the API takes them), its answer
    /// decoded as `T` (an empty answer reads as `null`).
    pub(crate) fn send_json<T: DeserializeOwned>(
        &self,
        verb: &'static str,
        path: &str,
        body: Value,
    ) -> Result<T, Error> {
        let request = HttpRequest {
            verb,
            path_and_query: path.to_string(),
            headers: Vec::new(),
            body: Some(body),
        };
        self.execute(&request)?
            .json(request.verb, &request.path_and_query)
    }
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

/// A scalar as civis-python puts it in a path or query (Python's `str()`): strings as they are,
/// booleans as `True`/`False`, numbers in decimal.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        other => other.to_string(),
    }
}

/// Every character but RFC 3986's unreserved ones (letters, digits, `-`, `.`, `_`, `~`).
const NOT_UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, NOT_UNRESERVED).to_string()
}

/// A slice of strings serialised as a JSON array: what an array-of-strings argument is sent as,
/// whatever string type the caller holds (`&[&str]`, `Vec<String>`, ...).
#[derive(Debug)]
pub struct Texts<'s, S>(pub &'s [S]);

impl<S: AsRef<str>> Serialize for Texts<'_, S> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        serializer.collect_seq(self.0.iter().map(AsRef::as_ref))
    }
}

/// Decodes `body` as `T`, as `.send()` does for `operation`'s answer; for the generated
/// `ApiClient::decode_response`.
pub fn decode<T: DeserializeOwned>(body: &[u8], operation: &Operation) -> Result<(), Error> {
    let raw = RawResponse {
        headers: Headers::default(),
        body: body.to_vec(),
    };
    raw.json::<T>(operation.verb, operation.path).map(drop)
}
