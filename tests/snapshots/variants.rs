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
    pub fn operations() -> &'static [::civis::Operation] {
        operations()
    }
    /// Calls an operation chosen at run time: `client.call("tables", "list",
    /// json!({"database_id": 32}))`. Arguments are keyed by their snake_case names;
    /// unknown resources, methods and arguments are errors naming the closest valid ones.
    pub fn call(
        &self,
        resource: &str,
        method: &str,
        args: ::civis::serde_json::Value,
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
/// A prepared call of one operation: set its optional arguments with its setters, then
/// send it with [`send`](Call::send) (typed), [`send_dynamic`](Call::send_dynamic)
/// (a [`civis::Response`](::civis::Response)) or [`send_raw`](Call::send_raw).
#[must_use = "a call does nothing until it is sent"]
pub struct Call<'a, R, M> {
    request: ::civis::Request<'a>,
    marker: ::core::marker::PhantomData<fn() -> (R, M)>,
}
impl<R, M> ::core::fmt::Debug for Call<'_, R, M> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("Call").field("request", &self.request).finish()
    }
}
impl<'a, R, M> Call<'a, R, M> {
    fn new(client: &'a ::civis::Client, operation: &'static ::civis::Operation) -> Self {
        Self {
            request: ::civis::Request::new(client, operation),
            marker: ::core::marker::PhantomData,
        }
    }
    fn arg<T: ::civis::serde::Serialize + ?Sized>(self, name: &str, value: &T) -> Self {
        Self {
            request: self.request.arg(name, value),
            marker: ::core::marker::PhantomData,
        }
    }
    /// The operation this call invokes.
    pub fn operation(&self) -> &'static ::civis::Operation {
        self.request.operation()
    }
    /// The HTTP request this call sends, without sending it.
    pub fn http_request(
        &self,
    ) -> ::core::result::Result<::civis::HttpRequest, ::civis::Error> {
        self.request.build()
    }
    /// Sends the call and returns the HTTP answer as received (civis-python's
    /// `return_type='raw'`).
    pub fn send_raw(
        self,
    ) -> ::core::result::Result<::civis::RawResponse, ::civis::Error> {
        self.request.send_raw()
    }
    /// Sends the call and returns the JSON answer without a typed struct
    /// (civis-python's `return_type='snake'`).
    pub fn send_dynamic(
        self,
    ) -> ::core::result::Result<::civis::Response, ::civis::Error> {
        self.request.send_dynamic()
    }
}
impl<'a, R: ::civis::serde::de::DeserializeOwned, M> Call<'a, R, M> {
    /// Sends the call and decodes the answer into its typed response.
    pub fn send(self) -> ::core::result::Result<R, ::civis::Error> {
        self.request.send()
    }
    /// Sends the call and decodes the answer, keeping its status and headers (rate
    /// limit, pagination).
    pub fn send_with_headers(
        self,
    ) -> ::core::result::Result<(R, ::civis::Headers), ::civis::Error> {
        self.request.send_with_headers()
    }
}
impl<
    'a,
    T: ::civis::serde::de::DeserializeOwned,
    M: ::civis::Iterable,
> Call<'a, ::std::vec::Vec<T>, M> {
    /// Iterates lazily over the items of every page (civis-python's `iterator=True`),
    /// one page in memory at a time; `page_num` is ignored.
    pub fn iter_all(self) -> ::civis::Pages<'a, T> {
        self.request.iter_all()
    }
    /// Iterates over the items of every page as dynamic responses.
    pub fn iter_all_dynamic(self) -> ::civis::Pages<'a, ::civis::Response> {
        self.request.iter_all_dynamic()
    }
}
/// One accessor per resource; each method prepares a call of one operation.
pub mod resources {
    #[allow(unused_imports)]
    use ::civis::{record, serde, serde_json};
    #[allow(unused_imports)]
    use ::std::{boxed::Box, option::Option, result::Result, string::String, vec::Vec};
    use super::{ops, operations, types, Call};
    /// The `call_me` resource: 1 method(s). Get it from `ApiClient::call_me()`.
    #[derive(Debug, Clone, Copy)]
    pub struct CallMe<'a>(
        /// The client that sends the calls.
        pub(crate) &'a ::civis::Client,
    );
    impl<'a> CallMe<'a> {
        /// A resource named like a client method, a path with a keyword (`GET /call-me/self`)
        ///
        /// Returns [`Aliased`](types::Aliased) (200: success).
        #[inline]
        pub fn get_self(&self) -> Call<'a, types::Aliased, ops::CallMeGetSelf> {
            Call::new(self.0, &operations()[0])
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
        /// * `id`:
        ///
        /// Returns [`Object0`](types::Object0) (200: success).
        #[inline]
        pub fn get(&self, id: i64) -> Call<'a, types::Object0, ops::WidgetsGet> {
            Call::new(self.0, &operations()[1]).arg("id", &id)
        }
        /// Definitions named like the std types the generated modules import (`GET /widgets/{id}/options`)
        ///
        /// * `id`:
        ///
        /// Returns [`Vec2`](types::Vec2) (200: success).
        #[inline]
        pub fn get_options(
            &self,
            id: i64,
        ) -> Call<'a, types::Vec2, ops::WidgetsGetOptions> {
            Call::new(self.0, &operations()[2]).arg("id", &id)
        }
        /// The widget's tree (`GET /widgets/{id}/tree`)
        ///
        /// * `id`:
        ///
        /// Returns [`Node`](types::Node) (200: success).
        #[inline]
        pub fn get_tree(&self, id: i64) -> Call<'a, types::Node, ops::WidgetsGetTree> {
            Call::new(self.0, &operations()[3]).arg("id", &id)
        }
        /// List widgets (`GET /widgets`)
        ///
        /// Indented text, \[brackets\], \<b\>tags\</b\> and \`\`\`fences\`\`\` stay prose.
        ///
        /// Optional arguments are setters on the returned call: `limit`, `page_num`, `status`, `type`, `send`, `x-_trace`. Returns a list of [`Object0`](types::Object0) (200: success).
        #[inline]
        pub fn list(&self) -> Call<'a, Vec<types::Object0>, ops::WidgetsList> {
            Call::new(self.0, &operations()[4])
        }
        /// Shapes the spec repeats under two names (`GET /widgets/{id}/twins`)
        ///
        /// * `id`:
        ///
        /// Returns a list of [`Twin2`](types::Twin2) (200: success).
        #[inline]
        pub fn list_twins(
            &self,
            id: i64,
        ) -> Call<'a, Vec<types::Twin2>, ops::WidgetsListTwins> {
            Call::new(self.0, &operations()[5]).arg("id", &id)
        }
        #[deprecated(note = "Use PUT instead.")]
        /// Update a widget (`PATCH /widgets/{id}`)
        ///
        /// * `id`:
        /// * `name`:
        ///
        /// Optional arguments are setters on the returned call: `id`, `settings`. Returns [`Object0`](types::Object0) (200: success).
        ///
        /// **Deprecated:** Use PUT instead.
        #[inline]
        pub fn patch(
            &self,
            id: i64,
            name: &str,
        ) -> Call<'a, types::Object0, ops::WidgetsPatch> {
            Call::new(self.0, &operations()[6]).arg("id", &id).arg("name", name)
        }
        /// Create a widget (`POST /widgets`)
        ///
        /// * `name`:
        ///
        /// Optional arguments are setters on the returned call: `sizes`, `owner`, `tags`, `params`. Returns [`Object0`](types::Object0) (201: created).
        #[inline]
        pub fn post(&self, name: &str) -> Call<'a, types::Object0, ops::WidgetsPost> {
            Call::new(self.0, &operations()[7]).arg("name", name)
        }
        /// Attach an output (`PUT /widgets/{id}/runs/{run_id}/outputs/{object_type}/{object_id}`)
        ///
        /// * `id`:
        /// * `run_id`:
        /// * `object_type`:
        /// * `object_id`:
        ///
        /// Returns [`Free`](types::Free) (200: success).
        #[inline]
        pub fn put_runs_outputs_object_type(
            &self,
            id: i64,
            run_id: i64,
            object_type: &str,
            object_id: i64,
        ) -> Call<'a, types::Free, ops::WidgetsPutRunsOutputsObjectType> {
            Call::new(self.0, &operations()[8])
                .arg("id", &id)
                .arg("run_id", &run_id)
                .arg("object_type", object_type)
                .arg("object_id", &object_id)
        }
    }
}
/// Marker types that tell the calls of different operations apart, so that each call has exactly its operation's optional-argument setters, which are defined here.
pub mod ops {
    #[allow(unused_imports)]
    use ::civis::{record, serde, serde_json};
    #[allow(unused_imports)]
    use ::std::{boxed::Box, option::Option, result::Result, string::String, vec::Vec};
    use super::{types, Call};
    /// Marks a call of `call_me.get_self` (GET /call-me/self); its optional arguments are setters on `Call<_, _, CallMeGetSelf>`.
    pub enum CallMeGetSelf {}
    /// Marks a call of `widgets.get` (GET /widgets/{id}); its optional arguments are setters on `Call<_, _, WidgetsGet>`.
    pub enum WidgetsGet {}
    /// Marks a call of `widgets.get_options` (GET /widgets/{id}/options); its optional arguments are setters on `Call<_, _, WidgetsGetOptions>`.
    pub enum WidgetsGetOptions {}
    /// Marks a call of `widgets.get_tree` (GET /widgets/{id}/tree); its optional arguments are setters on `Call<_, _, WidgetsGetTree>`.
    pub enum WidgetsGetTree {}
    /// Marks a call of `widgets.list` (GET /widgets); its optional arguments are setters on `Call<_, _, WidgetsList>`.
    pub enum WidgetsList {}
    impl ::civis::Iterable for WidgetsList {}
    impl<R> Call<'_, R, WidgetsList> {
        /// Sets the optional argument `limit`.
        pub fn limit(self, value: i64) -> Self {
            self.arg("limit", &value)
        }
        /// Sets the optional argument `page_num`.
        pub fn page_num(self, value: i64) -> Self {
            self.arg("page_num", &value)
        }
        /// Sets the optional argument `status`.
        pub fn status(self, value: &[&str]) -> Self {
            self.arg("status", value)
        }
        /// Sets the optional argument `type`.
        pub fn r#type(self, value: &str) -> Self {
            self.arg("type", value)
        }
        /// Sets the optional argument `send`.
        pub fn send_(self, value: bool) -> Self {
            self.arg("send", &value)
        }
        /// Sets the optional argument `x-_trace`.
        pub fn x__trace(self, value: &str) -> Self {
            self.arg("x-_trace", value)
        }
    }
    /// Marks a call of `widgets.list_twins` (GET /widgets/{id}/twins); its optional arguments are setters on `Call<_, _, WidgetsListTwins>`.
    pub enum WidgetsListTwins {}
    /// Marks a call of `widgets.patch` (PATCH /widgets/{id}); its optional arguments are setters on `Call<_, _, WidgetsPatch>`.
    pub enum WidgetsPatch {}
    impl<R> Call<'_, R, WidgetsPatch> {
        /// Sets the optional argument `id`.
        pub fn id(self, value: i64) -> Self {
            self.arg("id", &value)
        }
        /// Sets the optional argument `settings`.
        pub fn settings(self, value: &types::PatchWidgetsIdSettings) -> Self {
            self.arg("settings", value)
        }
    }
    /// Marks a call of `widgets.post` (POST /widgets); its optional arguments are setters on `Call<_, _, WidgetsPost>`.
    pub enum WidgetsPost {}
    impl<R> Call<'_, R, WidgetsPost> {
        /// Sets the optional argument `sizes`.
        pub fn sizes(self, value: &[i64]) -> Self {
            self.arg("sizes", value)
        }
        /// Sets the optional argument `owner`.
        pub fn owner(self, value: &types::Object2) -> Self {
            self.arg("owner", value)
        }
        /// Sets the optional argument `tags`.
        pub fn tags(self, value: &[types::Object2]) -> Self {
            self.arg("tags", value)
        }
        /// Sets the optional argument `params`.
        pub fn params(self, value: &[serde_json::Value]) -> Self {
            self.arg("params", value)
        }
    }
    /// Marks a call of `widgets.put_runs_outputs_object_type` (PUT /widgets/{id}/runs/{run_id}/outputs/{object_type}/{object_id}); its optional arguments are setters on `Call<_, _, WidgetsPutRunsOutputsObjectType>`.
    pub enum WidgetsPutRunsOutputsObjectType {}
}
/// The types of the API's requests and responses, one per spec definition.
///
/// Every field is optional: the API sends `null` for many documented fields and leaves others out, and neither may fail decoding. Unknown fields are ignored.
pub mod types {
    #[allow(unused_imports)]
    use ::civis::{record, serde, serde_json};
    #[allow(unused_imports)]
    use ::std::{boxed::Box, option::Option, result::Result, string::String, vec::Vec};
    /// Spec definition `Object0`.
    #[derive(Debug, Clone, Default)]
    pub struct Object0 {
        /// The ID. Always present in the spec.
        pub id: Option<i64>,
        /// The `type` field. Allowed values: `a`, `b`.
        pub r#type: Option<String>,
        /// The `self` field.
        pub self_: Option<bool>,
        /// The `lastRunAt` field.
        pub last_run_at: Option<String>,
        /// The `HTTPCode` field.
        pub http_code: Option<i64>,
        /// The `s3Path` field.
        pub s3_path: Option<String>,
        /// The `score` field.
        pub score: Option<f64>,
        /// The `x-weird.name` field.
        pub x_weird_name: Option<String>,
        /// The `nested` field.
        pub nested: Option<Object0Nested>,
        /// The `arguments` field.
        pub arguments: Option<serde_json::Value>,
        /// The `matrix` field.
        pub matrix: Option<Vec<Vec<f64>>>,
        /// The `parent` field.
        pub parent: Option<Box<Object0>>,
    }
    impl record::DecodeFields for Object0 {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
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
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Object0 {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Object0")
        }
    }
    /// Spec definition `Object1`.
    pub struct Object1 {
        /// The `name` field. Always present in the spec.
        pub name: Option<String>,
        /// The `sizes` field.
        pub sizes: Option<Vec<i64>>,
        /// The `owner` field.
        pub owner: Option<Object2>,
        /// The `tags` field.
        pub tags: Option<Vec<Object2>>,
        /// The `params` field.
        pub params: Option<Vec<serde_json::Value>>,
    }
    /// Spec definition `Object2`.
    #[derive(Debug, Clone, Default)]
    pub struct Object2 {
        /// The `id` field.
        pub id: Option<i64>,
        /// The `name` field.
        pub name: Option<String>,
        /// The `displayName` field.
        pub display_name: Option<String>,
    }
    impl record::DecodeFields for Object2 {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "displayName" => self.display_name = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Object2 {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Object2")
        }
    }
    impl serde::Serialize for Object2 {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut writer = record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.field("display_name", &self.display_name)?;
            writer.end()
        }
    }
    /// Spec definition `Node`.
    #[derive(Debug, Clone, Default)]
    pub struct Node {
        /// The `children` field.
        pub children: Option<Vec<Node>>,
        /// The `partner` field.
        pub partner: Option<Box<Partner>>,
    }
    impl record::DecodeFields for Node {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "children" => self.children = map.next_value()?,
                "partner" => self.partner = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Node {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Node")
        }
    }
    /// Spec definition `Partner`.
    #[derive(Debug, Clone, Default)]
    pub struct Partner {
        /// The `node` field.
        pub node: Option<Box<Node>>,
    }
    impl record::DecodeFields for Partner {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "node" => self.node = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Partner {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Partner")
        }
    }
    /// Spec definition `Free`.
    pub type Free = serde_json::Value;
    /// Spec definition `Aliased`.
    pub type Aliased = Vec<Object2>;
    /// Spec definition `Option`.
    #[derive(Debug, Clone, Default)]
    pub struct Option2 {
        /// The `value` field.
        pub value: Option<String>,
    }
    impl record::DecodeFields for Option2 {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "value" => self.value = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Option2 {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Option2")
        }
    }
    /// Spec definition `Vec`.
    #[derive(Debug, Clone, Default)]
    pub struct Vec2 {
        /// The `items` field.
        pub items: Option<Vec<Option2>>,
        /// The `owner` field.
        pub owner: Option<Self2>,
        /// The `empty` field.
        pub empty: Option<VecEmpty>,
    }
    impl record::DecodeFields for Vec2 {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "items" => self.items = map.next_value()?,
                "owner" => self.owner = map.next_value()?,
                "empty" => self.empty = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Vec2 {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Vec2")
        }
    }
    /// Spec definition `self`.
    #[derive(Debug, Clone, Default)]
    pub struct Self2 {
        /// The `id` field.
        pub id: Option<i64>,
    }
    impl record::DecodeFields for Self2 {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Self2 {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Self2")
        }
    }
    /// The first of two identical shapes. Spec definition `Twin`.
    #[derive(Debug, Clone, Default)]
    pub struct Twin {
        /// The `left` field.
        pub left: Option<Option2>,
        /// How many.
        pub count: Option<i64>,
    }
    impl record::DecodeFields for Twin {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "left" => self.left = map.next_value()?,
                "count" => self.count = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Twin {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Twin")
        }
    }
    /// The second, whose field refers to a copy of Option. Spec definition `Twin2`.
    pub type Twin2 = Twin;
    /// Spec definition `OptionCopy`.
    pub type OptionCopy = Option2;
    /// Spec definition `Object0.nested`.
    #[derive(Debug, Clone, Default)]
    pub struct Object0Nested {
        /// The `inner` field.
        pub inner: Option<Object0NestedInner>,
    }
    impl record::DecodeFields for Object0Nested {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "inner" => self.inner = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Object0Nested {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Object0Nested")
        }
    }
    /// Spec definition `Object0.nested.inner`.
    #[derive(Debug, Clone, Default)]
    pub struct Object0NestedInner {
        /// The `deep` field.
        pub deep: Option<i64>,
    }
    impl record::DecodeFields for Object0NestedInner {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match key {
                "deep" => self.deep = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }
    impl<'de> serde::Deserialize<'de> for Object0NestedInner {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "Object0NestedInner")
        }
    }
    /// Spec definition `Vec.empty`.
    #[derive(Debug, Clone, Default)]
    pub struct VecEmpty {}
    impl record::DecodeFields for VecEmpty {
        fn decode_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            let _ = (key, map);
            Ok(false)
        }
    }
    impl<'de> serde::Deserialize<'de> for VecEmpty {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            record::deserialize(deserializer, "VecEmpty")
        }
    }
    /// Spec definition `PATCH /widgets/{id}.settings`.
    #[derive(Debug, Clone, Default)]
    pub struct PatchWidgetsIdSettings {
        /// The `colour` field.
        pub colour: Option<String>,
    }
    impl serde::Serialize for PatchWidgetsIdSettings {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut writer = record::FieldWriter::new(serializer)?;
            writer.field("colour", &self.colour)?;
            writer.end()
        }
    }
}
#[doc(hidden)]
static OPERATIONS: ::civis::OperationTable = ::civis::OperationTable::new(
    r#"[{"r":"call_me","m":"get_self","v":"GET","p":"/call-me/self","q":[],"o":[],"s":"A resource named like a client method, a path with a keyword","a":[]},{"r":"widgets","m":"get","v":"GET","p":"/widgets/{id}","q":["id"],"o":[],"s":"Show a widget","a":[["id","","P","I",""]]},{"r":"widgets","m":"get_options","v":"GET","p":"/widgets/{id}/options","q":["id"],"o":[],"s":"Definitions named like the std types the generated modules import","a":[["id","","P","I",""]]},{"r":"widgets","m":"get_tree","v":"GET","p":"/widgets/{id}/tree","q":["id"],"o":[],"s":"The widget's tree","a":[["id","","P","I",""]]},{"r":"widgets","m":"list","v":"GET","p":"/widgets","q":[],"o":["limit","page_num","status","type","send","x-_trace"],"i":true,"s":"List widgets","a":[["limit","","Q","I",""],["page_num","","Q","I",""],["status","","Q","A",""],["type","","Q","S",""],["send","","Q","B",""],["x-_trace","X-Trace","H","S",""]]},{"r":"widgets","m":"list_twins","v":"GET","p":"/widgets/{id}/twins","q":["id"],"o":[],"s":"Shapes the spec repeats under two names","a":[["id","","P","I",""]]},{"r":"widgets","m":"patch","v":"PATCH","p":"/widgets/{id}","q":["id","name"],"o":["id","settings"],"d":"Use PUT instead.","s":"Update a widget","a":[["id","","P","I",""],["id","","B","I",""],["name","","B","S",""],["settings","","B","O",""]]},{"r":"widgets","m":"post","v":"POST","p":"/widgets","q":["name"],"o":["sizes","owner","tags","params"],"s":"Create a widget","a":[["name","","B","S",""],["sizes","","B","A",""],["owner","","B","O",""],["tags","","B","A",""],["params","","B","A",""]]},{"r":"widgets","m":"put_runs_outputs_object_type","v":"PUT","p":"/widgets/{id}/runs/{run_id}/outputs/{object_type}/{object_id}","q":["id","run_id","object_type","object_id"],"o":[],"s":"Attach an output","a":[["id","","P","I",""],["run_id","","P","I",""],["object_type","","P","S",""],["object_id","","P","I",""]]}]"#,
);
/// The operation table, decoded once.
fn operations() -> &'static [::civis::Operation] {
    OPERATIONS.get()
}
