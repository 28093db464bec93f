//! The code generator of `civis_api!`: Rust source text from the model of a spec
//! ([`crate::model::Api`]): the `ApiClient`, the generic `Call`, the resources, the types and the
//! operation table.
//!
//! It lives here, beside the model and the naming rules, rather than in the proc-macro crate,
//! so that it can be called as a library: by the macro, by the snapshot tests of its output,
//! and by the compile-time benchmark (a proc-macro crate can export nothing but macros).

mod docs;
mod emit;
mod methods;
mod resources;
mod types;

use crate::model::api::Api;
use crate::model::Resources;

use emit::emit;

/// Inherent methods of `ApiClient` that resource accessors must not take.
const CLIENT_METHODS: &[&str] = &["new", "builder", "operations", "call", "client"];

/// What the macro was asked for. Fields may be added: start from [`Options::default`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options<'a> {
    /// File name of the spec, for the client's documentation (default: empty).
    pub file: &'a str,
    /// The `resources` option (default: `Resources::Base`).
    pub resources: Resources,
    /// The `decode_by_name` option (default: `false`).
    pub decode_by_name: bool,
    /// The path by which generated code names the `civis` crate: the macro's `crate = "..."`
    /// option, for a renamed dependency (default: empty, meaning `::civis`).
    pub crate_path: &'a str,
}

/// The whole expansion as Rust source text.
pub fn generate(api: &Api, options: &Options<'_>) -> String {
    // The expansion of the full spec is about 2.5 MB.
    let mut out = String::with_capacity(3 << 20);
    let names = resources::Names::new(api, CLIENT_METHODS);
    client(&mut out, api, &names, options);
    out.push_str(CALL);
    let decoders = if options.decode_by_name {
        decoders(api)
    } else {
        String::new()
    };
    resources::generate(&mut out, api, &names, &decoders);
    types::generate(&mut out, api);
    methods::generate(&mut out, api);
    // The generator writes `::civis::` and swaps it here for a renamed crate, rather than
    // threading the path through every writer. The only other text in which it can occur is
    // the spec's prose in doc strings, where it also names the crate.
    match options.crate_path.trim() {
        "" | "::civis" => out,
        path => out.replace("::civis::", &format!("{path}::")),
    }
}

fn client(out: &mut String, api: &Api, names: &resources::Names, options: &Options<'_>) {
    let resources = match options.resources {
        Resources::Base => "base",
        Resources::All => "all",
    };
    emit::doc(
        out,
        &format!(
            "A Civis API client generated from `{}` with `resources = \"{resources}\"`: {} \
             methods on {} resources.",
            options.file.replace('`', "'"),
            api.operations.len(),
            names.resources.len()
        ),
    );
    out.push_str(CLIENT);
    for (resource, name, ty) in &names.resources {
        emit::doc(
            out,
            &format!("The `{resource}` resource (civis-python's `client.{resource}`)."),
        );
        emit!(
            out,
            "pub fn {name}(&self) -> resources::{ty}<'_> {{\nresources::{ty}(&self.client)\n}}\n"
        );
    }
    out.push_str("}\n");
}

/// `ApiClient` and the start of its `impl` block, which the resource accessors complete.
const CLIENT: &str = r#"///
/// Build it with [`ApiClient::new`] (API key from `CIVIS_API_KEY`, base URL from
/// `CIVIS_API_ENDPOINT`) or [`ApiClient::builder`]. It is cheap to clone and can be
/// shared between threads. It dereferences to [`civis::Client`](::civis::Client), whose
/// methods are available on it too.
#[derive(Debug, Clone)]
pub struct ApiClient {
    client: ::civis::Client,
}

impl ::core::convert::From<::civis::Client> for ApiClient {
    fn from(client: ::civis::Client) -> Self {
        Self { client }
    }
}

impl ::core::ops::Deref for ApiClient {
    type Target = ::civis::Client;
    fn deref(&self) -> &::civis::Client {
        &self.client
    }
}

impl ApiClient {
    /// A client configured from the environment: the API key from `CIVIS_API_KEY`, the
    /// base URL from `CIVIS_API_ENDPOINT` (default `https://api.civisanalytics.com/`).
    pub fn new() -> ::core::result::Result<Self, ::civis::Error> {
        Self::builder().build()
    }

    /// A builder to set the API key, base URL, user agent, retries and timeouts.
    pub fn builder() -> ::civis::ClientBuilder<Self> {
        ::civis::ClientBuilder::new()
    }

    /// Every operation of this client, sorted by resource and method, as civis-python
    /// names them.
    pub fn operations() -> &'static [::civis::methods::Operation] {
        operations()
    }

    /// Calls an operation chosen at run time: `client.call("tables", "list",
    /// json!({"database_id": 32}))`. Arguments are keyed by their snake_case names;
    /// unknown resources, methods and arguments are errors naming the closest valid ones.
    pub fn call(
        &self,
        resource: &str,
        method: &str,
        args: ::civis::__private::serde_json::Value,
    ) -> ::core::result::Result<::civis::Response, ::civis::Error> {
        self.client.call_table(operations(), resource, method, args)
    }
"#;

/// `ApiClient::decode_response`: each operation's typed response decoder, by name. Opt-in, as
/// it instantiates the decoding code of every response type. Expanded inside `ops`.
fn decoders(api: &Api) -> String {
    let mut out = String::from(
        "#[allow(clippy::type_complexity)]\n\
         static DECODERS: &[fn(&[u8], &::civis::methods::Operation) -> ::core::result::Result<(), ::civis::Error>] = &[\n",
    );
    for op in &api.operations {
        emit!(
            &mut out,
            "::civis::__private::decode::<{}>,\n",
            types::response(api, op)
        );
    }
    out.push_str(DECODE_RESPONSE);
    out
}

/// The end of `DECODERS` and what reads it.
const DECODE_RESPONSE: &str = r#"];

impl super::ApiClient {
    /// Decodes `body` as the typed response of `resource.method`, as `.send()` would,
    /// and reports whether it fits (generated with `decode_by_name = true`).
    pub fn decode_response(resource: &str, method: &str, body: &[u8]) -> ::core::result::Result<(), ::civis::Error> {
        let operations = super::operations();
        let index = ::civis::__private::operation_index(operations, resource, method)?;
        DECODERS[index](body, &operations[index])
    }
}
"#;

/// The generic call builder, emitted once. Operation-specific setters are inherent methods on
/// its instances (`impl Call<'_, R, ops::Marker>`), which is why it lives in the generated code
/// rather than in `civis-core`: inherent impls must be in the crate that defines the type.
const CALL: &str = r#"
/// A prepared call of one operation: set its optional arguments with its setters (listed in
/// the docs of the method that returned it), then send it with [`send`](Call::send) (typed),
/// [`send_dynamic`](Call::send_dynamic) (a [`civis::Response`](::civis::Response)) or
/// [`send_raw`](Call::send_raw). It can be cloned to send the same call again.
#[must_use = "a call does nothing until it is sent"]
pub struct Call<'a, R, M> {
    request: ::civis::__private::Request<'a>,
    marker: ::core::marker::PhantomData<fn() -> (R, M)>,
}

impl<R, M> ::core::clone::Clone for Call<'_, R, M> {
    fn clone(&self) -> Self {
        Self { request: self.request.clone(), marker: ::core::marker::PhantomData }
    }
}

impl<R, M> ::core::fmt::Debug for Call<'_, R, M> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("Call").field("request", &self.request).finish()
    }
}

impl<'a, R, M> Call<'a, R, M> {
    fn new(client: &'a ::civis::Client, operation: &'static ::civis::methods::Operation) -> Self {
        Self { request: ::civis::__private::Request::new(client, operation), marker: ::core::marker::PhantomData }
    }

    fn __arg<T: ::civis::__private::serde::Serialize + ?Sized>(self, name: &str, value: &T) -> Self {
        Self { request: self.request.arg(name, value), marker: ::core::marker::PhantomData }
    }

    fn __int(self, name: &str, value: i64) -> Self {
        self.__arg(name, &value)
    }

    fn __num(self, name: &str, value: f64) -> Self {
        self.__arg(name, &value)
    }

    fn __text(self, name: &str, value: &str) -> Self {
        self.__arg(name, value)
    }

    fn __texts<S: ::core::convert::AsRef<str>>(self, name: &str, values: impl ::core::iter::IntoIterator<Item = S>) -> Self {
        let values: ::std::vec::Vec<S> = values.into_iter().collect();
        self.__arg(name, &::civis::__private::Texts(&values))
    }

    /// The operation this call invokes.
    pub fn operation(&self) -> &'static ::civis::methods::Operation {
        self.request.operation()
    }

    /// The HTTP request this call sends, without sending it.
    pub fn http_request(&self) -> ::core::result::Result<::civis::http::HttpRequest, ::civis::Error> {
        self.request.build()
    }

    /// Sends the call and returns the HTTP answer as received (civis-python's
    /// `return_type='raw'`).
    pub fn send_raw(self) -> ::core::result::Result<::civis::http::RawResponse, ::civis::Error> {
        self.request.send_raw()
    }

    /// Sends the call and returns the JSON answer without a typed struct
    /// (civis-python's `return_type='snake'`).
    pub fn send_dynamic(self) -> ::core::result::Result<::civis::Response, ::civis::Error> {
        self.request.send_dynamic()
    }

    /// Iterates lazily over the items of every page (civis-python's `iterator=True`),
    /// one page in memory at a time; `page_num` is ignored. Only operations that take
    /// `limit` and `page_num` can be paged; on others this is a compile error.
    // The bound names a method parameter (`T`, or `T` for the dynamic variant) so that rustc
    // checks it at the call, where `Iterable`'s own message says the operation cannot be
    // paged, rather than while looking the method up ("trait bounds were not satisfied").
    pub fn iter_all<T>(self) -> ::civis::http::Pages<'a, T>
    where
        M: ::civis::http::Iterable<Item = T>,
        T: ::civis::__private::serde::de::DeserializeOwned,
    {
        self.request.iter_all()
    }

    /// Iterates over the items of every page as dynamic responses.
    pub fn iter_all_dynamic<T>(self) -> ::civis::http::Pages<'a, ::civis::Response>
    where
        M: ::civis::http::Iterable<Item = T>,
    {
        self.request.iter_all_dynamic()
    }
}

impl<'a, R: ::civis::__private::serde::de::DeserializeOwned, M> Call<'a, R, M> {
    /// Sends the call and decodes the answer into its typed response.
    pub fn send(self) -> ::core::result::Result<R, ::civis::Error> {
        self.request.send()
    }

    /// Sends the call and decodes the answer, keeping its status and headers (rate
    /// limit, pagination).
    pub fn send_with_headers(self) -> ::core::result::Result<(R, ::civis::http::Headers), ::civis::Error> {
        self.request.send_with_headers()
    }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r##"{"swagger": "2.0", "paths": {"/users/me": {"get": {"summary": "Me",
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Me"}}}}}},
        "definitions": {"Me": {"type": "object", "properties": {"id": {"type": "integer"}}}}}"##;

    #[test]
    fn a_renamed_crate_is_the_only_path_to_civis() {
        let api = crate::model::load(SPEC, Resources::All).unwrap();
        let default = generate(&api, &Options::default());
        assert!(default.contains("::civis::Client"));
        let options = Options {
            crate_path: "::my_civis",
            ..Options::default()
        };
        let renamed = generate(&api, &options);
        assert!(!renamed.contains("::civis::"), "{renamed}");
        assert_eq!(
            renamed.matches("::my_civis::").count(),
            default.matches("::civis::").count()
        );
    }
}
