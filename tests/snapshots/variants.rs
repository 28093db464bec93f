/// A Civis API client generated from `variants.json` with `resources = "all"`: 9 methods on 2 resources.
///
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
    /// The `call_me` resource (civis-python's `client.call_me`).
    pub fn call_me(&self) -> resources::CallMe<'_> {
        resources::CallMe(&self.client)
    }
    /// The `widgets` resource (civis-python's `client.widgets`).
    pub fn widgets(&self) -> resources::Widgets<'_> {
        resources::Widgets(&self.client)
    }
}
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
        Self {
            request: self.request.clone(),
            marker: ::core::marker::PhantomData,
        }
    }
}
impl<R, M> ::core::fmt::Debug for Call<'_, R, M> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("Call").field("request", &self.request).finish()
    }
}
impl<'a, R, M> Call<'a, R, M> {
    fn new(
        client: &'a ::civis::Client,
        operation: &'static ::civis::methods::Operation,
    ) -> Self {
        Self {
            request: ::civis::__private::Request::new(client, operation),
            marker: ::core::marker::PhantomData,
        }
    }
    fn __arg<T: ::civis::__private::serde::Serialize + ?Sized>(
        self,
        name: &str,
        value: &T,
    ) -> Self {
        Self {
            request: self.request.arg(name, value),
            marker: ::core::marker::PhantomData,
        }
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
    fn __texts<S: ::core::convert::AsRef<str>>(
        self,
        name: &str,
        values: impl ::core::iter::IntoIterator<Item = S>,
    ) -> Self {
        let values: ::std::vec::Vec<S> = values.into_iter().collect();
        self.__arg(name, &::civis::__private::Texts(&values))
    }
    /// The operation this call invokes.
    pub fn operation(&self) -> &'static ::civis::methods::Operation {
        self.request.operation()
    }
    /// The HTTP request this call sends, without sending it.
    pub fn http_request(
        &self,
    ) -> ::core::result::Result<::civis::http::HttpRequest, ::civis::Error> {
        self.request.build()
    }
    /// Sends the call and returns the HTTP answer as received (civis-python's
    /// `return_type='raw'`).
    pub fn send_raw(
        self,
    ) -> ::core::result::Result<::civis::http::RawResponse, ::civis::Error> {
        self.request.send_raw()
    }
    /// Sends the call and returns the JSON answer without a typed struct
    /// (civis-python's `return_type='snake'`).
    pub fn send_dynamic(
        self,
    ) -> ::core::result::Result<::civis::Response, ::civis::Error> {
        self.request.send_dynamic()
    }
    /// Iterates lazily over the items of every page (civis-python's `iterator=True`),
    /// one page in memory at a time; `page_num` is ignored. Only operations that take
    /// `limit` and `page_num` can be paged; on others this is a compile error.
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
    pub fn send_with_headers(
        self,
    ) -> ::core::result::Result<(R, ::civis::http::Headers), ::civis::Error> {
        self.request.send_with_headers()
    }
}
/// One accessor per resource; each method prepares a call of one operation.
pub mod resources {
    /// The `call_me` resource: 1 method(s). Get it from `ApiClient::call_me()`.
    #[derive(Debug, Clone, Copy)]
    pub struct CallMe<'a>(
        /// The client that sends the calls.
        pub(crate) &'a ::civis::Client,
    );
    impl<'a> CallMe<'a> {
        /// A resource named like a client method, a path with a keyword (`GET /call-me/self`)
        ///
        /// Returns [`Aliased`](super::types::Aliased) (200: success).
        #[inline]
        pub fn get_self(
            &self,
        ) -> super::Call<'a, super::types::Aliased, super::ops::CallMeGetSelf> {
            super::Call::new(self.0, &super::operations()[0])
        }
    }
    /// The `widgets` resource: 8 method(s). Get it from `ApiClient::widgets()`.
    #[derive(Debug, Clone, Copy)]
    pub struct Widgets<'a>(
        /// The client that sends the calls.
        pub(crate) &'a ::civis::Client,
    );
    impl<'a> Widgets<'a> {
        /// Show a widget (`GET /widgets/{id}`)
        ///
        /// - `id: impl Into<i64>`
        ///
        /// Returns [`Object0`](super::types::Object0) (200: success).
        #[inline]
        pub fn get(
            &self,
            id: impl ::core::convert::Into<i64>,
        ) -> super::Call<'a, super::types::Object0, super::ops::WidgetsGet> {
            super::Call::new(self.0, &super::operations()[1]).__int("id", id.into())
        }
        /// Definitions named like the std types the generated modules import (`GET /widgets/{id}/options`)
        ///
        /// - `id: impl Into<i64>`
        ///
        /// Returns [`Vec`](super::types::Vec) (200: success).
        #[inline]
        pub fn get_options(
            &self,
            id: impl ::core::convert::Into<i64>,
        ) -> super::Call<'a, super::types::Vec, super::ops::WidgetsGetOptions> {
            super::Call::new(self.0, &super::operations()[2]).__int("id", id.into())
        }
        /// The widget's tree (`GET /widgets/{id}/tree`)
        ///
        /// - `id: impl Into<i64>`
        ///
        /// Returns [`Node`](super::types::Node) (200: success).
        #[inline]
        pub fn get_tree(
            &self,
            id: impl ::core::convert::Into<i64>,
        ) -> super::Call<'a, super::types::Node, super::ops::WidgetsGetTree> {
            super::Call::new(self.0, &super::operations()[3]).__int("id", id.into())
        }
        /// List widgets (`GET /widgets`)
        ///
        /// Indented text, \[brackets\], \<b\>tags\</b\> and ```fences``` stay prose.
        /// A line break, a list:
        /// 1. first `code <x>`
        /// 2. second
        ///
        /// and the end.
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.limit(impl Into<i64>)`
        /// - `.page_num(impl Into<i64>)`
        /// - `.status(impl IntoIterator<Item = impl AsRef<str>>)`
        /// - `.r#type(impl AsRef<str>)`
        /// - `.send_(bool)`
        /// - `.x__trace(impl AsRef<str>)`
        ///
        /// Returns a list of [`Object0`](super::types::Object0) (200: success).
        #[inline]
        pub fn list(
            &self,
        ) -> super::Call<
            'a,
            ::std::vec::Vec<super::types::Object0>,
            super::ops::WidgetsList,
        > {
            super::Call::new(self.0, &super::operations()[4])
        }
        /// Shapes the spec repeats under two names (`GET /widgets/{id}/twins`)
        ///
        /// - `id: impl Into<i64>`
        ///
        /// Returns a list of [`Twin2`](super::types::Twin2) (200: success).
        #[inline]
        pub fn list_twins(
            &self,
            id: impl ::core::convert::Into<i64>,
        ) -> super::Call<
            'a,
            ::std::vec::Vec<super::types::Twin2>,
            super::ops::WidgetsListTwins,
        > {
            super::Call::new(self.0, &super::operations()[5]).__int("id", id.into())
        }
        #[deprecated(note = "Use PUT instead.")]
        /// Update a widget (`PATCH /widgets/{id}`)
        ///
        /// - `id: impl Into<i64>`
        /// - `name: impl AsRef<str>`
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.id(impl Into<i64>)`
        /// - `.settings(&PatchWidgetsIdSettings)`
        ///
        /// Returns [`Object0`](super::types::Object0) (200: success).
        #[inline]
        pub fn patch(
            &self,
            id: impl ::core::convert::Into<i64>,
            name: impl ::core::convert::AsRef<str>,
        ) -> super::Call<'a, super::types::Object0, super::ops::WidgetsPatch> {
            super::Call::new(self.0, &super::operations()[6])
                .__int("id", id.into())
                .__text("name", name.as_ref())
        }
        /// Create a widget (`POST /widgets`)
        ///
        /// - `name: impl AsRef<str>`
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.sizes(impl AsRef<[i64]>)`
        /// - `.owner(&Object2)`
        /// - `.tags(impl AsRef<[Object2]>)`
        /// - `.params(impl AsRef<[serde_json::Value]>)`
        ///
        /// Returns [`Object0`](super::types::Object0) (201: created).
        #[inline]
        pub fn post(
            &self,
            name: impl ::core::convert::AsRef<str>,
        ) -> super::Call<'a, super::types::Object0, super::ops::WidgetsPost> {
            super::Call::new(self.0, &super::operations()[7])
                .__text("name", name.as_ref())
        }
        /// Attach an output (`PUT /widgets/{id}/runs/{run_id}/outputs/{object_type}/{object_id}`)
        ///
        /// - `id: impl Into<i64>`
        /// - `run_id: impl Into<i64>`
        /// - `object_type: impl AsRef<str>`
        /// - `object_id: impl Into<i64>`
        ///
        /// Returns [`Free`](super::types::Free) (200: success).
        #[inline]
        pub fn put_runs_outputs_object_type(
            &self,
            id: impl ::core::convert::Into<i64>,
            run_id: impl ::core::convert::Into<i64>,
            object_type: impl ::core::convert::AsRef<str>,
            object_id: impl ::core::convert::Into<i64>,
        ) -> super::Call<
            'a,
            super::types::Free,
            super::ops::WidgetsPutRunsOutputsObjectType,
        > {
            super::Call::new(self.0, &super::operations()[8])
                .__int("id", id.into())
                .__int("run_id", run_id.into())
                .__text("object_type", object_type.as_ref())
                .__int("object_id", object_id.into())
        }
    }
}
/// Marker types that tell the calls of different operations apart, so that each call has exactly its operation's optional-argument setters (listed in the docs of the operation's method).
pub mod ops {
    /// Marks a call of [`call_me().get_self()`](super::resources::CallMe::get_self) (GET /call-me/self).
    pub enum CallMeGetSelf {}
    /// Marks a call of [`widgets().get()`](super::resources::Widgets::get) (GET /widgets/{id}).
    pub enum WidgetsGet {}
    /// Marks a call of [`widgets().get_options()`](super::resources::Widgets::get_options) (GET /widgets/{id}/options).
    pub enum WidgetsGetOptions {}
    /// Marks a call of [`widgets().get_tree()`](super::resources::Widgets::get_tree) (GET /widgets/{id}/tree).
    pub enum WidgetsGetTree {}
    /// Marks a call of [`widgets().list()`](super::resources::Widgets::list) (GET /widgets).
    pub enum WidgetsList {}
    impl ::civis::http::Iterable for WidgetsList {
        type Item = super::types::Object0;
    }
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, WidgetsList> {
        pub fn limit(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("limit", value.into())
        }
        pub fn page_num(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("page_num", value.into())
        }
        pub fn status(
            self,
            value: impl ::core::iter::IntoIterator<
                Item = impl ::core::convert::AsRef<str>,
            >,
        ) -> Self {
            self.__texts("status", value)
        }
        pub fn r#type(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("type", value.as_ref())
        }
        pub fn send_(self, value: bool) -> Self {
            self.__arg("send", &value)
        }
        pub fn x__trace(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("x-_trace", value.as_ref())
        }
    }
    /// Marks a call of [`widgets().list_twins()`](super::resources::Widgets::list_twins) (GET /widgets/{id}/twins).
    pub enum WidgetsListTwins {}
    /// Marks a call of [`widgets().patch()`](super::resources::Widgets::patch) (PATCH /widgets/{id}).
    pub enum WidgetsPatch {}
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, WidgetsPatch> {
        pub fn id(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("id", value.into())
        }
        pub fn settings(self, value: &super::types::PatchWidgetsIdSettings) -> Self {
            self.__arg("settings", value)
        }
    }
    /// Marks a call of [`widgets().post()`](super::resources::Widgets::post) (POST /widgets).
    pub enum WidgetsPost {}
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, WidgetsPost> {
        pub fn sizes(self, value: impl ::core::convert::AsRef<[i64]>) -> Self {
            self.__arg("sizes", value.as_ref())
        }
        pub fn owner(self, value: &super::types::Object2) -> Self {
            self.__arg("owner", value)
        }
        pub fn tags(
            self,
            value: impl ::core::convert::AsRef<[super::types::Object2]>,
        ) -> Self {
            self.__arg("tags", value.as_ref())
        }
        pub fn params(
            self,
            value: impl ::core::convert::AsRef<[::civis::__private::serde_json::Value]>,
        ) -> Self {
            self.__arg("params", value.as_ref())
        }
    }
    /// Marks a call of [`widgets().put_runs_outputs_object_type()`](super::resources::Widgets::put_runs_outputs_object_type) (PUT /widgets/{id}/runs/{run_id}/outputs/{object_type}/{object_id}).
    pub enum WidgetsPutRunsOutputsObjectType {}
}
/// The types of the API's requests and responses, one per spec definition.
///
/// Every field is optional: the API sends `null` for many documented fields and leaves others out, and neither may fail decoding. Unknown fields are ignored. Response types serialize back to the API's JSON (camelCase keys); request types to the snake_case keys the API takes in request bodies.
pub mod types {
    /// Spec definition `Object0`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Object0 {
        /// The ID. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The `type` field. Allowed values: `a`, `b`.
        pub r#type: ::core::option::Option<::std::string::String>,
        /// The `self` field.
        pub self_: ::core::option::Option<bool>,
        /// The `lastRunAt` field.
        pub last_run_at: ::core::option::Option<::std::string::String>,
        /// The `HTTPCode` field.
        pub http_code: ::core::option::Option<i64>,
        /// The `s3Path` field.
        pub s3_path: ::core::option::Option<::std::string::String>,
        /// The `score` field.
        pub score: ::core::option::Option<f64>,
        /// The `x-weird.name` field.
        pub x_weird_name: ::core::option::Option<::std::string::String>,
        /// The `nested` field.
        pub nested: ::core::option::Option<Object0Nested>,
        /// The `arguments` field.
        pub arguments: ::core::option::Option<::civis::__private::serde_json::Value>,
        /// The `matrix` field.
        pub matrix: ::core::option::Option<::std::vec::Vec<::std::vec::Vec<f64>>>,
        /// The `parent` field.
        pub parent: ::core::option::Option<::std::boxed::Box<Object0>>,
    }
    impl ::civis::__private::record::DecodeFields for Object0 {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "type" => self.r#type = map.next_value()?,
                "self" => self.self_ = map.next_value()?,
                "lastRunAt" => self.last_run_at = map.next_value()?,
                "HTTPCode" => self.http_code = map.next_value()?,
                "s3Path" => self.s3_path = map.next_value()?,
                "score" => self.score = map.next_value()?,
                "x-weird.name" => self.x_weird_name = map.next_value()?,
                "nested" => self.nested = map.next_value()?,
                "arguments" => self.arguments = map.next_value()?,
                "matrix" => self.matrix = map.next_value()?,
                "parent" => self.parent = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Object0 {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Object0")
        }
    }
    impl ::civis::__private::serde::Serialize for Object0 {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("type", &self.r#type)?;
            writer.field("self", &self.self_)?;
            writer.field("lastRunAt", &self.last_run_at)?;
            writer.field("HTTPCode", &self.http_code)?;
            writer.field("s3Path", &self.s3_path)?;
            writer.field("score", &self.score)?;
            writer.field("x-weird.name", &self.x_weird_name)?;
            writer.field("nested", &self.nested)?;
            writer.field("arguments", &self.arguments)?;
            writer.field("matrix", &self.matrix)?;
            writer.field("parent", &self.parent)?;
            writer.end()
        }
    }
    /// Spec definition `Object1`.
    pub struct Object1 {
        /// The `name` field. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The `sizes` field.
        pub sizes: ::core::option::Option<::std::vec::Vec<i64>>,
        /// The `owner` field.
        pub owner: ::core::option::Option<Object2>,
        /// The `tags` field.
        pub tags: ::core::option::Option<::std::vec::Vec<Object2>>,
        /// The `params` field.
        pub params: ::core::option::Option<
            ::std::vec::Vec<::civis::__private::serde_json::Value>,
        >,
    }
    /// Spec definition `Object2`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Object2 {
        /// The `id` field.
        pub id: ::core::option::Option<i64>,
        /// The `name` field.
        pub name: ::core::option::Option<::std::string::String>,
        /// The `displayName` field.
        pub display_name: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for Object2 {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "displayName" | "display_name" => self.display_name = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Object2 {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Object2")
        }
    }
    impl ::civis::__private::serde::Serialize for Object2 {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.field("display_name", &self.display_name)?;
            writer.end()
        }
    }
    /// Spec definition `Node`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Node {
        /// The `children` field.
        pub children: ::core::option::Option<::std::vec::Vec<Node>>,
        /// The `partner` field.
        pub partner: ::core::option::Option<::std::boxed::Box<Partner>>,
    }
    impl ::civis::__private::record::DecodeFields for Node {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "children" => self.children = map.next_value()?,
                "partner" => self.partner = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Node {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Node")
        }
    }
    impl ::civis::__private::serde::Serialize for Node {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("children", &self.children)?;
            writer.field("partner", &self.partner)?;
            writer.end()
        }
    }
    /// Spec definition `Partner`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Partner {
        /// The `node` field.
        pub node: ::core::option::Option<::std::boxed::Box<Node>>,
    }
    impl ::civis::__private::record::DecodeFields for Partner {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "node" => self.node = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Partner {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Partner")
        }
    }
    impl ::civis::__private::serde::Serialize for Partner {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("node", &self.node)?;
            writer.end()
        }
    }
    /// Spec definition `Free`.
    pub type Free = ::civis::__private::serde_json::Value;
    /// Spec definition `Aliased`.
    pub type Aliased = ::std::vec::Vec<Object2>;
    /// Spec definition `Option`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Option {
        /// The `value` field.
        pub value: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for Option {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "value" => self.value = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Option {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Option")
        }
    }
    impl ::civis::__private::serde::Serialize for Option {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("value", &self.value)?;
            writer.end()
        }
    }
    /// Spec definition `Vec`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Vec {
        /// The `items` field.
        pub items: ::core::option::Option<::std::vec::Vec<Option>>,
        /// The `owner` field.
        pub owner: ::core::option::Option<Self2>,
        /// The `empty` field.
        pub empty: ::core::option::Option<VecEmpty>,
    }
    impl ::civis::__private::record::DecodeFields for Vec {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "items" => self.items = map.next_value()?,
                "owner" => self.owner = map.next_value()?,
                "empty" => self.empty = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Vec {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Vec")
        }
    }
    impl ::civis::__private::serde::Serialize for Vec {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("items", &self.items)?;
            writer.field("owner", &self.owner)?;
            writer.field("empty", &self.empty)?;
            writer.end()
        }
    }
    /// Spec definition `self`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Self2 {
        /// The `id` field.
        pub id: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for Self2 {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Self2 {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Self2")
        }
    }
    impl ::civis::__private::serde::Serialize for Self2 {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.end()
        }
    }
    /// The first of two identical shapes.
    ///
    /// Spec definition `Twin`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Twin {
        /// The `left` field.
        pub left: ::core::option::Option<Option>,
        /// How many.
        pub count: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for Twin {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "left" => self.left = map.next_value()?,
                "count" => self.count = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Twin {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Twin")
        }
    }
    impl ::civis::__private::serde::Serialize for Twin {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("left", &self.left)?;
            writer.field("count", &self.count)?;
            writer.end()
        }
    }
    /// The second, whose field refers to a copy of Option.
    ///
    /// Spec definition `Twin2`.
    pub type Twin2 = Twin;
    /// Spec definition `OptionCopy`.
    pub type OptionCopy = Option;
    /// Spec definition `Object0.nested`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Object0Nested {
        /// The `inner` field.
        pub inner: ::core::option::Option<Object0NestedInner>,
    }
    impl ::civis::__private::record::DecodeFields for Object0Nested {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "inner" => self.inner = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Object0Nested {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Object0Nested")
        }
    }
    impl ::civis::__private::serde::Serialize for Object0Nested {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("inner", &self.inner)?;
            writer.end()
        }
    }
    /// Spec definition `Object0.nested.inner`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Object0NestedInner {
        /// The `deep` field.
        pub deep: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for Object0NestedInner {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "deep" => self.deep = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Object0NestedInner {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Object0NestedInner")
        }
    }
    impl ::civis::__private::serde::Serialize for Object0NestedInner {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("deep", &self.deep)?;
            writer.end()
        }
    }
    /// Spec definition `Vec.empty`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct VecEmpty {}
    impl ::civis::__private::record::DecodeFields for VecEmpty {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            let _ = (key, map);
            ::core::result::Result::Ok(false)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for VecEmpty {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "VecEmpty")
        }
    }
    impl ::civis::__private::serde::Serialize for VecEmpty {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.end()
        }
    }
    /// Spec definition `PATCH /widgets/{id}.settings`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct PatchWidgetsIdSettings {
        /// The `colour` field.
        pub colour: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::serde::Serialize for PatchWidgetsIdSettings {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("colour", &self.colour)?;
            writer.end()
        }
    }
}
#[doc(hidden)]
static OPERATIONS: ::civis::__private::MethodTable = ::civis::__private::MethodTable::new(
    "0.1.0",
    r#"[
{"r":"call_me","m":"get_self","v":"GET","p":"/call-me/self","q":[],"o":[],"s":"A resource named like a client method, a path with a keyword","a":[]},
{"r":"widgets","m":"get","v":"GET","p":"/widgets/{id}","q":["id"],"o":[],"s":"Show a widget","a":[["id","","P","I",""]]},
{"r":"widgets","m":"get_options","v":"GET","p":"/widgets/{id}/options","q":["id"],"o":[],"s":"Definitions named like the std types the generated modules import","a":[["id","","P","I",""]]},
{"r":"widgets","m":"get_tree","v":"GET","p":"/widgets/{id}/tree","q":["id"],"o":[],"s":"The widget's tree","a":[["id","","P","I",""]]},
{"r":"widgets","m":"list","v":"GET","p":"/widgets","q":[],"o":["limit","page_num","status","type","send","x-_trace"],"i":true,"s":"List widgets","a":[["limit","","Q","I",""],["page_num","","Q","I",""],["status","","Q","A",""],["type","","Q","S",""],["send","","Q","B",""],["x-_trace","X-Trace","H","S",""]]},
{"r":"widgets","m":"list_twins","v":"GET","p":"/widgets/{id}/twins","q":["id"],"o":[],"s":"Shapes the spec repeats under two names","a":[["id","","P","I",""]]},
{"r":"widgets","m":"patch","v":"PATCH","p":"/widgets/{id}","q":["id","name"],"o":["id","settings"],"d":"Use PUT instead.","s":"Update a widget","a":[["id","","P","I",""],["id","","B","I",""],["name","","B","S",""],["settings","","B","O",""]]},
{"r":"widgets","m":"post","v":"POST","p":"/widgets","q":["name"],"o":["sizes","owner","tags","params"],"s":"Create a widget","a":[["name","","B","S",""],["sizes","","B","A",""],["owner","","B","O",""],["tags","","B","A",""],["params","","B","A",""]]},
{"r":"widgets","m":"put_runs_outputs_object_type","v":"PUT","p":"/widgets/{id}/runs/{run_id}/outputs/{object_type}/{object_id}","q":["id","run_id","object_type","object_id"],"o":[],"s":"Attach an output","a":[["id","","P","I",""],["run_id","","P","I",""],["object_type","","P","S",""],["object_id","","P","I",""]]}
]"#,
);
/// The operation table, decoded once.
fn operations() -> &'static [::civis::methods::Operation] {
    OPERATIONS.get()
}
