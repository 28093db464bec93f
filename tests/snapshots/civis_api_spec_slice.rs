/// A Civis API client generated from `civis_api_spec.json` with `resources = "all"`: 9 methods on 4 resources.
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
    /// The `imports` resource (civis-python's `client.imports`).
    pub fn imports(&self) -> resources::Imports<'_> {
        resources::Imports(&self.client)
    }
    /// The `scripts` resource (civis-python's `client.scripts`).
    pub fn scripts(&self) -> resources::Scripts<'_> {
        resources::Scripts(&self.client)
    }
    /// The `tables` resource (civis-python's `client.tables`).
    pub fn tables(&self) -> resources::Tables<'_> {
        resources::Tables(&self.client)
    }
    /// The `users` resource (civis-python's `client.users`).
    pub fn users(&self) -> resources::Users<'_> {
        resources::Users(&self.client)
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
    /// The `imports` resource: 1 method(s). Get it from `ApiClient::imports()`.
    #[derive(Debug, Clone, Copy)]
    pub struct Imports<'a>(
        /// The client that sends the calls.
        pub(crate) &'a ::civis::Client,
    );
    impl<'a> Imports<'a> {
        /// Initate an import of a tabular file into the platform (`POST /imports/files`)
        ///
        /// Importing a tabular file, such as a CSV, begins with this endpoint.
        /// Compatible files must be comma, tab, or pipe-delimited.
        /// They may be uncompressed, gzipped or zipped if the archive contains a single file.
        /// This endpoint returns two URIs which must be used to complete the import.
        /// The "uploadUri" is used to upload the file you wish to import. By default it expects the file contents
        /// in the body of a PUT request. Some examples of this usage are:
        /// 1. Python requests:
        /// `requests.put(<uploadUri>, data=open('<file_name>', 'rb'))`
        /// 2. curl:
        /// `curl --request PUT --upload-file <file_name> <uploadUri>`
        ///
        /// If you set "multipart: true", "uploadUri" will expect a "multipart/form-data" POST request
        /// including the attached "uploadFields" plus a "file" field (in this order).
        /// Browser Example (AJAX form submission):
        ///
        /// ```text
        /// var data = new FormData();
        /// _.each(<uploadFields>, (value, field) => data.append(field, value));
        /// data.append("file", fileInput.files[0]);
        /// request.post(<uploadUri>, { body: data });
        /// ```
        /// Once the upload is complete, the "runUri" field may then be used to
        /// complete the import of the uploaded tabular file.
        ///
        /// - `schema: impl AsRef<str>`: The schema of the destination table.
        /// - `name: impl AsRef<str>`: The name of the destination table.
        /// - `remote_host_id: impl Into<i64>`: The id of the destination database host.
        /// - `credential_id: impl Into<i64>`: The id of the credentials to be used when performing the database import.
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.max_errors(impl Into<i64>)`: The maximum number of rows with errors to remove from the import before failing.
        /// - `.existing_table_rows(impl AsRef<str>)`: The behaviour if a table with the requested name already exists. One of "fail", "truncate", "append", or "drop".Defaults to "fail". Allowed values: `append`, `truncate`, `fail`, `drop`.
        /// - `.diststyle(impl AsRef<str>)`: The diststyle to use for the table. One of "even", "all", or "key". Allowed values: `even`, `all`, `key`.
        /// - `.distkey(impl AsRef<str>)`: The column to use as the distkey for the table.
        /// - `.sortkey1(impl AsRef<str>)`: The column to use as the sort key for the table.
        /// - `.sortkey2(impl AsRef<str>)`: The second column in a compound sortkey for the table.
        /// - `.column_delimiter(impl AsRef<str>)`: The column delimiter of the file. If column_delimiter is null or omitted, it will be auto-detected. Valid arguments are "comma", "tab", and "pipe". Allowed values: `comma`, `tab`, `pipe`.
        /// - `.first_row_is_header(bool)`: A boolean value indicating whether or not the first row is a header row. If first_row_is_header is null or omitted, it will be auto-detected.
        /// - `.multipart(bool)`: If true, the upload URI will require a `multipart/form-data` POST request. Defaults to false.
        /// - `.escaped(bool)`: If true, escape quotes with a backslash; otherwise, escape quotes by double-quoting. Defaults to false.
        /// - `.hidden(bool)`: The hidden status of the item.
        ///
        /// Returns [`ImportFileUploadResponse`](super::types::ImportFileUploadResponse) (201: success).
        #[inline]
        pub fn post_files(
            &self,
            schema: impl ::core::convert::AsRef<str>,
            name: impl ::core::convert::AsRef<str>,
            remote_host_id: impl ::core::convert::Into<i64>,
            credential_id: impl ::core::convert::Into<i64>,
        ) -> super::Call<
            'a,
            super::types::ImportFileUploadResponse,
            super::ops::ImportsPostFiles,
        > {
            super::Call::new(self.0, &super::operations()[0])
                .__text("schema", schema.as_ref())
                .__text("name", name.as_ref())
                .__int("remote_host_id", remote_host_id.into())
                .__int("credential_id", credential_id.into())
        }
    }
    /// The `scripts` resource: 1 method(s). Get it from `ApiClient::scripts()`.
    #[derive(Debug, Clone, Copy)]
    pub struct Scripts<'a>(
        /// The client that sends the calls.
        pub(crate) &'a ::civis::Client,
    );
    impl<'a> Scripts<'a> {
        /// Create a SQL Script (`POST /scripts/sql`)
        ///
        /// - `name: impl AsRef<str>`: The name of the script.
        /// - `sql: impl AsRef<str>`: The raw SQL query for the script.
        /// - `remote_host_id: impl Into<i64>`: The remote host ID that this script will connect to.
        /// - `credential_id: impl Into<i64>`: The credential that this script will use.
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.parent_id(impl Into<i64>)`: The ID of the parent job that will trigger this script
        /// - `.user_context(impl AsRef<str>)`: "runner" or "author", who to execute the script as when run as a template. Allowed values: `runner`, `author`.
        /// - `.params(impl AsRef<[ScriptParamCreateRequest]>)`: A definition of the parameters this script accepts in the arguments field.
        /// - `.arguments(&serde_json::Value)`: Parameter-value pairs to use when running this script. Only settable if this script has defined parameters.
        /// - `.schedule(&JobScheduleCreateRequest)`: The schedule of when this script will be run.
        /// - `.notifications(&JobNotificationsCreateRequest)`: The notifications to send after the script is run.
        /// - `.next_run_at(impl AsRef<str>)`: The time of the next scheduled run.
        /// - `.time_zone(impl AsRef<str>)`: The time zone of this script.
        /// - `.hidden(bool)`: The hidden status of the item.
        /// - `.target_project_id(impl Into<i64>)`: Target project to which script outputs will be added.
        /// - `.csv_settings(&ScriptCsvSettingsParamsCreateRequest)`: Parameters that determine the format of the generated file.
        /// - `.running_as_id(impl Into<i64>)`: The ID of the runner of this script.
        ///
        /// Returns [`SqlScript`](super::types::SqlScript) (201: success).
        #[inline]
        pub fn post_sql(
            &self,
            name: impl ::core::convert::AsRef<str>,
            sql: impl ::core::convert::AsRef<str>,
            remote_host_id: impl ::core::convert::Into<i64>,
            credential_id: impl ::core::convert::Into<i64>,
        ) -> super::Call<'a, super::types::SqlScript, super::ops::ScriptsPostSql> {
            super::Call::new(self.0, &super::operations()[1])
                .__text("name", name.as_ref())
                .__text("sql", sql.as_ref())
                .__int("remote_host_id", remote_host_id.into())
                .__int("credential_id", credential_id.into())
        }
    }
    /// The `tables` resource: 4 method(s). Get it from `ApiClient::tables()`.
    #[derive(Debug, Clone, Copy)]
    pub struct Tables<'a>(
        /// The client that sends the calls.
        pub(crate) &'a ::civis::Client,
    );
    impl<'a> Tables<'a> {
        /// Show basic table info (`GET /tables/{id}`)
        ///
        /// - `id: impl Into<i64>`
        ///
        /// Returns [`Table`](super::types::Table) (200: success).
        #[inline]
        pub fn get(
            &self,
            id: impl ::core::convert::Into<i64>,
        ) -> super::Call<'a, super::types::Table, super::ops::TablesGet> {
            super::Call::new(self.0, &super::operations()[2]).__int("id", id.into())
        }
        /// List tables (`GET /tables`)
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.database_id(impl Into<i64>)`: The ID of the database.
        /// - `.schema(impl AsRef<str>)`: If specified, will be used to filter the tables returned. Substring matching is supported with "%" and "\*" wildcards (e.g., "schema=%census%" will return both "client_census.table" and "census_2010.table").
        /// - `.name(impl AsRef<str>)`: If specified, will be used to filter the tables returned. Substring matching is supported with "%" and "\*" wildcards (e.g., "name=%table%" will return both "table1" and "my table").
        /// - `.search(impl AsRef<str>)`: If specified, will be used to filter the tables returned. Will search across schema and name (in the full form schema.name) and will return any full name containing the search string.
        /// - `.table_tag_ids(impl AsRef<[i64]>)`: If specified, will be used to filter the tables returned. Will search across Table Tags and will return any tables that have one of the matching Table Tags.
        /// - `.credential_id(impl Into<i64>)`: If specified, will be used instead of the default credential to filter the tables returned.
        /// - `.limit(impl Into<i64>)`: Number of results to return. Defaults to 50. Maximum allowed is 1000.
        /// - `.page_num(impl Into<i64>)`: Page number of the results to return. Defaults to the first page, 1.
        /// - `.order(impl AsRef<str>)`: The field on which to order the result set. Defaults to schema. Must be one of: schema, name, search, table_tag_ids, credential_id.
        /// - `.order_dir(impl AsRef<str>)`: Direction in which to sort, either asc (ascending) or desc (descending) defaulting to asc. Allowed values: `asc`, `desc`.
        ///
        /// Returns a list of [`TableSummarySummary`](super::types::TableSummarySummary) (200: success).
        #[inline]
        pub fn list(
            &self,
        ) -> super::Call<
            'a,
            ::std::vec::Vec<super::types::TableSummarySummary>,
            super::ops::TablesList,
        > {
            super::Call::new(self.0, &super::operations()[3])
        }
        /// Update a table (`PATCH /tables/{id}`)
        ///
        /// - `id: impl Into<i64>`: The ID of the table.
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.ontology_mapping(&serde_json::Value)`: The ontology-key to column-name mapping. See /ontology for the list of valid ontology keys.
        /// - `.description(impl AsRef<str>)`: The user-defined description of the table.
        /// - `.primary_keys(impl IntoIterator<Item = impl AsRef<str>>)`: A list of column(s) which together uniquely identify a row in the data.These columns must not contain NULL values.
        /// - `.last_modified_keys(impl IntoIterator<Item = impl AsRef<str>>)`: The columns indicating when a row was last modified.
        ///
        /// Returns [`TableSummaryWithOntology`](super::types::TableSummaryWithOntology) (200: success).
        #[inline]
        pub fn patch(
            &self,
            id: impl ::core::convert::Into<i64>,
        ) -> super::Call<
            'a,
            super::types::TableSummaryWithOntology,
            super::ops::TablesPatch,
        > {
            super::Call::new(self.0, &super::operations()[4]).__int("id", id.into())
        }
        #[deprecated(
            note = "Warning: The tables/:id/refresh endpoint is deprecated. Please use tables/scan from now on."
        )]
        /// Request a refresh for column and table statistics (`POST /tables/{id}/refresh`)
        ///
        /// - `id: impl Into<i64>`
        ///
        /// Returns [`Table`](super::types::Table) (200: success).
        #[inline]
        pub fn post_refresh(
            &self,
            id: impl ::core::convert::Into<i64>,
        ) -> super::Call<'a, super::types::Table, super::ops::TablesPostRefresh> {
            super::Call::new(self.0, &super::operations()[5]).__int("id", id.into())
        }
    }
    /// The `users` resource: 3 method(s). Get it from `ApiClient::users()`.
    #[derive(Debug, Clone, Copy)]
    pub struct Users<'a>(
        /// The client that sends the calls.
        pub(crate) &'a ::civis::Client,
    );
    impl<'a> Users<'a> {
        /// Show info about the logged-in user (`GET /users/me`)
        ///
        /// Returns [`UserMe`](super::types::UserMe) (200: success).
        #[inline]
        pub fn get_me(
            &self,
        ) -> super::Call<'a, super::types::UserMe, super::ops::UsersGetMe> {
            super::Call::new(self.0, &super::operations()[6])
        }
        #[deprecated(
            note = "use `users().get_me()`: `list_me` is the legacy name of the same method, kept because civis-python still offers it"
        )]
        /// Show info about the logged-in user (`GET /users/me`)
        ///
        /// Returns [`UserMe`](super::types::UserMe) (200: success).
        #[inline]
        pub fn list_me(
            &self,
        ) -> super::Call<'a, super::types::UserMe, super::ops::UsersListMe> {
            super::Call::new(self.0, &super::operations()[7])
        }
        /// Update info about the logged-in user (`PATCH /users/me`)
        ///
        /// Optional arguments, set on the returned call before sending it:
        /// - `.preferences(&UserPreferencesPatchRequest)`: A hash of user selected preferences. Values should be strings or null to indicate a key deletion.
        /// - `.last_checked_announcements(impl AsRef<str>)`: The date and time at which the user last checked their announcements.
        ///
        /// Returns [`UserMe`](super::types::UserMe) (200: success).
        #[inline]
        pub fn patch_me(
            &self,
        ) -> super::Call<'a, super::types::UserMe, super::ops::UsersPatchMe> {
            super::Call::new(self.0, &super::operations()[8])
        }
    }
}
/// Marker types that tell the calls of different operations apart, so that each call has exactly its operation's optional-argument setters (listed in the docs of the operation's method).
pub mod ops {
    /// Marks a call of [`imports().post_files()`](super::resources::Imports::post_files) (POST /imports/files).
    pub enum ImportsPostFiles {}
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, ImportsPostFiles> {
        pub fn max_errors(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("max_errors", value.into())
        }
        pub fn existing_table_rows(
            self,
            value: impl ::core::convert::AsRef<str>,
        ) -> Self {
            self.__text("existing_table_rows", value.as_ref())
        }
        pub fn diststyle(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("diststyle", value.as_ref())
        }
        pub fn distkey(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("distkey", value.as_ref())
        }
        pub fn sortkey1(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("sortkey1", value.as_ref())
        }
        pub fn sortkey2(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("sortkey2", value.as_ref())
        }
        pub fn column_delimiter(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("column_delimiter", value.as_ref())
        }
        pub fn first_row_is_header(self, value: bool) -> Self {
            self.__arg("first_row_is_header", &value)
        }
        pub fn multipart(self, value: bool) -> Self {
            self.__arg("multipart", &value)
        }
        pub fn escaped(self, value: bool) -> Self {
            self.__arg("escaped", &value)
        }
        pub fn hidden(self, value: bool) -> Self {
            self.__arg("hidden", &value)
        }
    }
    /// Marks a call of [`scripts().post_sql()`](super::resources::Scripts::post_sql) (POST /scripts/sql).
    pub enum ScriptsPostSql {}
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, ScriptsPostSql> {
        pub fn parent_id(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("parent_id", value.into())
        }
        pub fn user_context(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("user_context", value.as_ref())
        }
        pub fn params(
            self,
            value: impl ::core::convert::AsRef<[super::types::ScriptParamCreateRequest]>,
        ) -> Self {
            self.__arg("params", value.as_ref())
        }
        pub fn arguments(self, value: &::civis::__private::serde_json::Value) -> Self {
            self.__arg("arguments", value)
        }
        pub fn schedule(self, value: &super::types::JobScheduleCreateRequest) -> Self {
            self.__arg("schedule", value)
        }
        pub fn notifications(
            self,
            value: &super::types::JobNotificationsCreateRequest,
        ) -> Self {
            self.__arg("notifications", value)
        }
        pub fn next_run_at(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("next_run_at", value.as_ref())
        }
        pub fn time_zone(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("time_zone", value.as_ref())
        }
        pub fn hidden(self, value: bool) -> Self {
            self.__arg("hidden", &value)
        }
        pub fn target_project_id(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("target_project_id", value.into())
        }
        pub fn csv_settings(
            self,
            value: &super::types::ScriptCsvSettingsParamsCreateRequest,
        ) -> Self {
            self.__arg("csv_settings", value)
        }
        pub fn running_as_id(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("running_as_id", value.into())
        }
    }
    /// Marks a call of [`tables().get()`](super::resources::Tables::get) (GET /tables/{id}).
    pub enum TablesGet {}
    /// Marks a call of [`tables().list()`](super::resources::Tables::list) (GET /tables).
    pub enum TablesList {}
    impl ::civis::http::Iterable for TablesList {
        type Item = super::types::TableSummarySummary;
    }
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, TablesList> {
        pub fn database_id(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("database_id", value.into())
        }
        pub fn schema(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("schema", value.as_ref())
        }
        pub fn name(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("name", value.as_ref())
        }
        pub fn search(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("search", value.as_ref())
        }
        pub fn table_tag_ids(self, value: impl ::core::convert::AsRef<[i64]>) -> Self {
            self.__arg("table_tag_ids", value.as_ref())
        }
        pub fn credential_id(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("credential_id", value.into())
        }
        pub fn limit(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("limit", value.into())
        }
        pub fn page_num(self, value: impl ::core::convert::Into<i64>) -> Self {
            self.__int("page_num", value.into())
        }
        pub fn order(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("order", value.as_ref())
        }
        pub fn order_dir(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("order_dir", value.as_ref())
        }
    }
    /// Marks a call of [`tables().patch()`](super::resources::Tables::patch) (PATCH /tables/{id}).
    pub enum TablesPatch {}
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, TablesPatch> {
        pub fn ontology_mapping(
            self,
            value: &::civis::__private::serde_json::Value,
        ) -> Self {
            self.__arg("ontology_mapping", value)
        }
        pub fn description(self, value: impl ::core::convert::AsRef<str>) -> Self {
            self.__text("description", value.as_ref())
        }
        pub fn primary_keys(
            self,
            value: impl ::core::iter::IntoIterator<
                Item = impl ::core::convert::AsRef<str>,
            >,
        ) -> Self {
            self.__texts("primary_keys", value)
        }
        pub fn last_modified_keys(
            self,
            value: impl ::core::iter::IntoIterator<
                Item = impl ::core::convert::AsRef<str>,
            >,
        ) -> Self {
            self.__texts("last_modified_keys", value)
        }
    }
    /// Marks a call of [`tables().post_refresh()`](super::resources::Tables::post_refresh) (POST /tables/{id}/refresh).
    pub enum TablesPostRefresh {}
    /// Marks a call of [`users().get_me()`](super::resources::Users::get_me) (GET /users/me).
    pub enum UsersGetMe {}
    /// Marks a call of [`users().list_me()`](super::resources::Users::list_me) (GET /users/me).
    pub enum UsersListMe {}
    /// Marks a call of [`users().patch_me()`](super::resources::Users::patch_me) (PATCH /users/me).
    pub enum UsersPatchMe {}
    #[doc(hidden)]
    #[allow(missing_docs)]
    impl<R> super::Call<'_, R, UsersPatchMe> {
        pub fn preferences(
            self,
            value: &super::types::UserPreferencesPatchRequest,
        ) -> Self {
            self.__arg("preferences", value)
        }
        pub fn last_checked_announcements(
            self,
            value: impl ::core::convert::AsRef<str>,
        ) -> Self {
            self.__text("last_checked_announcements", value.as_ref())
        }
    }
}
/// The types of the API's requests and responses, one per spec definition.
///
/// Every field is optional: the API sends `null` for many documented fields and leaves others out, and neither may fail decoding. Unknown fields are ignored. Response types serialize back to the API's JSON (camelCase keys); request types to the snake_case keys the API takes in request bodies.
pub mod types {
    /// Spec definition `UserSimpleUser`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UserSimpleUser {
        /// The ID of this user. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// This user's name. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// This user's username. Always present in the spec.
        pub username: ::core::option::Option<::std::string::String>,
        /// This user's initials. Always present in the spec.
        pub initials: ::core::option::Option<::std::string::String>,
        /// Whether this user is online. Always present in the spec.
        pub online: ::core::option::Option<bool>,
    }
    impl ::civis::__private::record::DecodeFields for UserSimpleUser {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "username" => self.username = map.next_value()?,
                "initials" => self.initials = map.next_value()?,
                "online" => self.online = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for UserSimpleUser {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "UserSimpleUser")
        }
    }
    impl ::civis::__private::serde::Serialize for UserSimpleUser {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.field("username", &self.username)?;
            writer.field("initials", &self.initials)?;
            writer.field("online", &self.online)?;
            writer.end()
        }
    }
    /// Spec definition `JobRun`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct JobRun {
        /// The `id` field. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The state of the run. One of queued, running, succeeded, failed or cancelled. Allowed values: `queued`, `running`, `succeeded`, `failed`, `cancelled`. Always present in the spec.
        pub state: ::core::option::Option<::std::string::String>,
        /// The time that the run was queued. Always present in the spec.
        pub created_at: ::core::option::Option<::std::string::String>,
        /// The time that the run started. Always present in the spec.
        pub started_at: ::core::option::Option<::std::string::String>,
        /// The time that the run completed. Always present in the spec.
        pub finished_at: ::core::option::Option<::std::string::String>,
        /// The error message for this run, if present. Always present in the spec.
        pub error: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for JobRun {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "state" => self.state = map.next_value()?,
                "createdAt" => self.created_at = map.next_value()?,
                "startedAt" => self.started_at = map.next_value()?,
                "finishedAt" => self.finished_at = map.next_value()?,
                "error" => self.error = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for JobRun {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "JobRun")
        }
    }
    impl ::civis::__private::serde::Serialize for JobRun {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("state", &self.state)?;
            writer.field("createdAt", &self.created_at)?;
            writer.field("startedAt", &self.started_at)?;
            writer.field("finishedAt", &self.finished_at)?;
            writer.field("error", &self.error)?;
            writer.end()
        }
    }
    /// Spec definition `InlineTableTag`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct InlineTableTag {
        /// Table Tag ID Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// Table Tag Name Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for InlineTableTag {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for InlineTableTag {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "InlineTableTag")
        }
    }
    impl ::civis::__private::serde::Serialize for InlineTableTag {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.end()
        }
    }
    /// Spec definition `TableColumn`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableColumn {
        /// Name of the column. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The generic data type of the column (ex. "string"). Since this is database-agnostic, it may be helpful when loading data to R/Python. Always present in the spec.
        pub civis_data_type: ::core::option::Option<::std::string::String>,
        /// The database-specific SQL type of the column (ex. "varchar(30)"). Always present in the spec.
        pub sql_type: ::core::option::Option<::std::string::String>,
        /// A sample of values from the column. Always present in the spec.
        pub sample_values: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// The compression encoding for this columnSee: http://docs.aws.amazon.com/redshift/latest/dg/c_Compression_encodings.html Always present in the spec.
        pub encoding: ::core::option::Option<::std::string::String>,
        /// The description of the column, as specified by the table owner Always present in the spec.
        pub description: ::core::option::Option<::std::string::String>,
        /// Relative position of the column in the table. Always present in the spec.
        pub order: ::core::option::Option<i64>,
        /// Smallest value in the column. Always present in the spec.
        pub min_value: ::core::option::Option<::std::string::String>,
        /// Largest value in the column. Always present in the spec.
        pub max_value: ::core::option::Option<::std::string::String>,
        /// This parameter is deprecated. Always present in the spec.
        pub avg_value: ::core::option::Option<f64>,
        /// This parameter is deprecated. Always present in the spec.
        pub stddev: ::core::option::Option<f64>,
        /// A mapping between each value in the column and the percentage of rows with that value.Only present for tables with fewer than approximately 25,000,000 rows and for columns with fewer than twenty distinct values. Always present in the spec.
        pub value_distribution_percent: ::core::option::Option<
            ::civis::__private::serde_json::Value,
        >,
        /// Number of non-null values in the column. Always present in the spec.
        pub coverage_count: ::core::option::Option<i64>,
        /// Number of null values in the column. Always present in the spec.
        pub null_count: ::core::option::Option<i64>,
        /// Possible dependent variable types the column may be used to model. Null if it may not be used as a dependent variable. Always present in the spec.
        pub possible_dependent_variable_types: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// Whether the column may be used as an independent variable to train a model. Always present in the spec.
        pub useable_as_independent_variable: ::core::option::Option<bool>,
        /// Whether the column may be used as an primary key to identify table rows. Always present in the spec.
        pub useable_as_primary_key: ::core::option::Option<bool>,
        /// An object mapping distinct values in the column to the number of times they appear in the column Always present in the spec.
        pub value_distribution: ::core::option::Option<
            ::civis::__private::serde_json::Value,
        >,
        /// Number of distinct values in the column. NULL values are counted and treated as a single distinct value. Always present in the spec.
        pub distinct_count: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for TableColumn {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "name" => self.name = map.next_value()?,
                "civisDataType" => self.civis_data_type = map.next_value()?,
                "sqlType" => self.sql_type = map.next_value()?,
                "sampleValues" => self.sample_values = map.next_value()?,
                "encoding" => self.encoding = map.next_value()?,
                "description" => self.description = map.next_value()?,
                "order" => self.order = map.next_value()?,
                "minValue" => self.min_value = map.next_value()?,
                "maxValue" => self.max_value = map.next_value()?,
                "avgValue" => self.avg_value = map.next_value()?,
                "stddev" => self.stddev = map.next_value()?,
                "valueDistributionPercent" => {
                    self.value_distribution_percent = map.next_value()?;
                }
                "coverageCount" => self.coverage_count = map.next_value()?,
                "nullCount" => self.null_count = map.next_value()?,
                "possibleDependentVariableTypes" => {
                    self.possible_dependent_variable_types = map.next_value()?;
                }
                "useableAsIndependentVariable" => {
                    self.useable_as_independent_variable = map.next_value()?;
                }
                "useableAsPrimaryKey" => self.useable_as_primary_key = map.next_value()?,
                "valueDistribution" => self.value_distribution = map.next_value()?,
                "distinctCount" => self.distinct_count = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableColumn {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableColumn")
        }
    }
    impl ::civis::__private::serde::Serialize for TableColumn {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("name", &self.name)?;
            writer.field("civisDataType", &self.civis_data_type)?;
            writer.field("sqlType", &self.sql_type)?;
            writer.field("sampleValues", &self.sample_values)?;
            writer.field("encoding", &self.encoding)?;
            writer.field("description", &self.description)?;
            writer.field("order", &self.order)?;
            writer.field("minValue", &self.min_value)?;
            writer.field("maxValue", &self.max_value)?;
            writer.field("avgValue", &self.avg_value)?;
            writer.field("stddev", &self.stddev)?;
            writer.field("valueDistributionPercent", &self.value_distribution_percent)?;
            writer.field("coverageCount", &self.coverage_count)?;
            writer.field("nullCount", &self.null_count)?;
            writer
                .field(
                    "possibleDependentVariableTypes",
                    &self.possible_dependent_variable_types,
                )?;
            writer
                .field(
                    "useableAsIndependentVariable",
                    &self.useable_as_independent_variable,
                )?;
            writer.field("useableAsPrimaryKey", &self.useable_as_primary_key)?;
            writer.field("valueDistribution", &self.value_distribution)?;
            writer.field("distinctCount", &self.distinct_count)?;
            writer.end()
        }
    }
    /// Spec definition `TableJoin`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableJoin {
        /// The `id` field. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The `leftTableId` field. Always present in the spec.
        pub left_table_id: ::core::option::Option<i64>,
        /// The `leftIdentifier` field. Always present in the spec.
        pub left_identifier: ::core::option::Option<::std::string::String>,
        /// The `rightTableId` field. Always present in the spec.
        pub right_table_id: ::core::option::Option<i64>,
        /// The `rightIdentifier` field. Always present in the spec.
        pub right_identifier: ::core::option::Option<::std::string::String>,
        /// The `on` field. Always present in the spec.
        pub on: ::core::option::Option<::std::string::String>,
        /// The `leftJoin` field. Always present in the spec.
        pub left_join: ::core::option::Option<bool>,
        /// The `createdAt` field. Always present in the spec.
        pub created_at: ::core::option::Option<::std::string::String>,
        /// The `updatedAt` field. Always present in the spec.
        pub updated_at: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for TableJoin {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "leftTableId" => self.left_table_id = map.next_value()?,
                "leftIdentifier" => self.left_identifier = map.next_value()?,
                "rightTableId" => self.right_table_id = map.next_value()?,
                "rightIdentifier" => self.right_identifier = map.next_value()?,
                "on" => self.on = map.next_value()?,
                "leftJoin" => self.left_join = map.next_value()?,
                "createdAt" => self.created_at = map.next_value()?,
                "updatedAt" => self.updated_at = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableJoin {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableJoin")
        }
    }
    impl ::civis::__private::serde::Serialize for TableJoin {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("leftTableId", &self.left_table_id)?;
            writer.field("leftIdentifier", &self.left_identifier)?;
            writer.field("rightTableId", &self.right_table_id)?;
            writer.field("rightIdentifier", &self.right_identifier)?;
            writer.field("on", &self.on)?;
            writer.field("leftJoin", &self.left_join)?;
            writer.field("createdAt", &self.created_at)?;
            writer.field("updatedAt", &self.updated_at)?;
            writer.end()
        }
    }
    /// Spec definition `TableEnhancement`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableEnhancement {
        /// The `type` field. Always present in the spec.
        pub r#type: ::core::option::Option<::std::string::String>,
        /// The `createdAt` field. Always present in the spec.
        pub created_at: ::core::option::Option<::std::string::String>,
        /// The `updatedAt` field. Always present in the spec.
        pub updated_at: ::core::option::Option<::std::string::String>,
        /// The `joinId` field. Always present in the spec.
        pub join_id: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for TableEnhancement {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "type" => self.r#type = map.next_value()?,
                "createdAt" => self.created_at = map.next_value()?,
                "updatedAt" => self.updated_at = map.next_value()?,
                "joinId" => self.join_id = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableEnhancement {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableEnhancement")
        }
    }
    impl ::civis::__private::serde::Serialize for TableEnhancement {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("type", &self.r#type)?;
            writer.field("createdAt", &self.created_at)?;
            writer.field("updatedAt", &self.updated_at)?;
            writer.field("joinId", &self.join_id)?;
            writer.end()
        }
    }
    /// Spec definition `TableMatchTarget`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableMatchTarget {
        /// The `name` field. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for TableMatchTarget {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "name" => self.name = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableMatchTarget {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableMatchTarget")
        }
    }
    impl ::civis::__private::serde::Serialize for TableMatchTarget {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("name", &self.name)?;
            writer.end()
        }
    }
    /// Spec definition `TableMatchOption`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableMatchOption {
        /// The `maxMatches` field. Always present in the spec.
        pub max_matches: ::core::option::Option<i64>,
        /// The `threshold` field. Always present in the spec.
        pub threshold: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for TableMatchOption {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "maxMatches" => self.max_matches = map.next_value()?,
                "threshold" => self.threshold = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableMatchOption {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableMatchOption")
        }
    }
    impl ::civis::__private::serde::Serialize for TableMatchOption {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("maxMatches", &self.max_matches)?;
            writer.field("threshold", &self.threshold)?;
            writer.end()
        }
    }
    /// Spec definition `TableMatchJob`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableMatchJob {
        /// The `id` field. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The `name` field. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The `type` field. Always present in the spec.
        pub r#type: ::core::option::Option<::std::string::String>,
        /// The `fromTemplateId` field. Always present in the spec.
        pub from_template_id: ::core::option::Option<i64>,
        /// Whether the job is idle, pending, scheduled, queued, running, succeeded, failed or cancelled. Allowed values: `idle`, `pending`, `scheduled`, `queued`, `running`, `succeeded`, `failed`, `cancelled`. Always present in the spec.
        pub state: ::core::option::Option<::std::string::String>,
        /// The `createdAt` field. Always present in the spec.
        pub created_at: ::core::option::Option<::std::string::String>,
        /// The `updatedAt` field. Always present in the spec.
        pub updated_at: ::core::option::Option<::std::string::String>,
        /// The `lastRunUpdatedAt` field. Always present in the spec.
        pub last_run_updated_at: ::core::option::Option<::std::string::String>,
        /// Information about the most recent runs of the job. Always present in the spec.
        pub runs: ::core::option::Option<::std::vec::Vec<JobRun>>,
        /// The `lastRun` field. Always present in the spec.
        pub last_run: ::core::option::Option<JobRun>,
        /// The hidden status of the item. Always present in the spec.
        pub hidden: ::core::option::Option<bool>,
        /// The `matchOptions` field. Always present in the spec.
        pub match_options: ::core::option::Option<TableMatchOption>,
    }
    impl ::civis::__private::record::DecodeFields for TableMatchJob {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "type" => self.r#type = map.next_value()?,
                "fromTemplateId" => self.from_template_id = map.next_value()?,
                "state" => self.state = map.next_value()?,
                "createdAt" => self.created_at = map.next_value()?,
                "updatedAt" => self.updated_at = map.next_value()?,
                "lastRunUpdatedAt" => self.last_run_updated_at = map.next_value()?,
                "runs" => self.runs = map.next_value()?,
                "lastRun" => self.last_run = map.next_value()?,
                "hidden" => self.hidden = map.next_value()?,
                "matchOptions" => self.match_options = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableMatchJob {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableMatchJob")
        }
    }
    impl ::civis::__private::serde::Serialize for TableMatchJob {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.field("type", &self.r#type)?;
            writer.field("fromTemplateId", &self.from_template_id)?;
            writer.field("state", &self.state)?;
            writer.field("createdAt", &self.created_at)?;
            writer.field("updatedAt", &self.updated_at)?;
            writer.field("lastRunUpdatedAt", &self.last_run_updated_at)?;
            writer.field("runs", &self.runs)?;
            writer.field("lastRun", &self.last_run)?;
            writer.field("hidden", &self.hidden)?;
            writer.field("matchOptions", &self.match_options)?;
            writer.end()
        }
    }
    /// Spec definition `TableMatch`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableMatch {
        /// Source table Always present in the spec.
        pub source_table_id: ::core::option::Option<i64>,
        /// Target type Always present in the spec.
        pub target_type: ::core::option::Option<::std::string::String>,
        /// Target ID Always present in the spec.
        pub target_id: ::core::option::Option<i64>,
        /// The `target` field. Always present in the spec.
        pub target: ::core::option::Option<TableMatchTarget>,
        /// Matching job Always present in the spec.
        pub job: ::core::option::Option<TableMatchJob>,
    }
    impl ::civis::__private::record::DecodeFields for TableMatch {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "sourceTableId" => self.source_table_id = map.next_value()?,
                "targetType" => self.target_type = map.next_value()?,
                "targetId" => self.target_id = map.next_value()?,
                "target" => self.target = map.next_value()?,
                "job" => self.job = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableMatch {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableMatch")
        }
    }
    impl ::civis::__private::serde::Serialize for TableMatch {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("sourceTableId", &self.source_table_id)?;
            writer.field("targetType", &self.target_type)?;
            writer.field("targetId", &self.target_id)?;
            writer.field("target", &self.target)?;
            writer.field("job", &self.job)?;
            writer.end()
        }
    }
    /// Spec definition `Table`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Table {
        /// The ID of the table. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The ID of the database. Always present in the spec.
        pub database_id: ::core::option::Option<i64>,
        /// The name of the schema containing the table. Always present in the spec.
        pub schema: ::core::option::Option<::std::string::String>,
        /// Name of the table. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The description of the table, as specified by the table owner Always present in the spec.
        pub description: ::core::option::Option<::std::string::String>,
        /// True if this table represents a view. False if it represents a regular table. Always present in the spec.
        pub is_view: ::core::option::Option<bool>,
        /// The number of rows in the table. Always present in the spec.
        pub row_count: ::core::option::Option<i64>,
        /// The number of columns in the table. Always present in the spec.
        pub column_count: ::core::option::Option<i64>,
        /// The size of the table in megabytes. Always present in the spec.
        pub size_mb: ::core::option::Option<f64>,
        /// The database username of the table's owner. Always present in the spec.
        pub owner: ::core::option::Option<::std::string::String>,
        /// The column used as the Amazon Redshift distkey. Always present in the spec.
        pub distkey: ::core::option::Option<::std::string::String>,
        /// The column used as the Amazon Redshift sortkey. Always present in the spec.
        pub sortkeys: ::core::option::Option<::std::string::String>,
        /// How up-to-date the table's statistics on row counts, null counts, distinct counts, and values distributions are. One of: refreshing, stale, or current. Always present in the spec.
        pub refresh_status: ::core::option::Option<::std::string::String>,
        /// The time of the last statistics refresh. Always present in the spec.
        pub last_refresh: ::core::option::Option<::std::string::String>,
        /// The last time that Civis Platform captured a change in this table.Only applicable for Redshift tables; please see the Civis help desk for more info. Always present in the spec.
        pub data_updated_at: ::core::option::Option<::std::string::String>,
        /// The last time that Civis Platform captured a change to the table attributes/structure.Only applicable for Redshift tables; please see the Civis help desk for more info. Always present in the spec.
        pub schema_updated_at: ::core::option::Option<::std::string::String>,
        /// The ID of the most recent statistics refresh. Always present in the spec.
        pub refresh_id: ::core::option::Option<::std::string::String>,
        /// The last run of a refresh on this table. Always present in the spec.
        pub last_run: ::core::option::Option<JobRun>,
        /// The primary keys for this table. Always present in the spec.
        pub primary_keys: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
        /// The columns indicating an entry's modification status for this table. Always present in the spec.
        pub last_modified_keys: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// The table tags associated with this table. Always present in the spec.
        pub table_tags: ::core::option::Option<::std::vec::Vec<InlineTableTag>>,
        /// The ontology-key to column-name mapping. See /ontology for the list of valid ontology keys. Always present in the spec.
        pub ontology_mapping: ::core::option::Option<
            ::civis::__private::serde_json::Value,
        >,
        /// The `columns` field. Always present in the spec.
        pub columns: ::core::option::Option<::std::vec::Vec<TableColumn>>,
        /// The `joins` field. Always present in the spec.
        pub joins: ::core::option::Option<::std::vec::Vec<TableJoin>>,
        /// The `multipartKey` field. Always present in the spec.
        pub multipart_key: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// The `enhancements` field. Always present in the spec.
        pub enhancements: ::core::option::Option<::std::vec::Vec<TableEnhancement>>,
        /// The `viewDef` field. Always present in the spec.
        pub view_def: ::core::option::Option<::std::string::String>,
        /// The `tableDef` field. Always present in the spec.
        pub table_def: ::core::option::Option<::std::string::String>,
        /// The `outgoingTableMatches` field. Always present in the spec.
        pub outgoing_table_matches: ::core::option::Option<::std::vec::Vec<TableMatch>>,
    }
    impl ::civis::__private::record::DecodeFields for Table {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "databaseId" => self.database_id = map.next_value()?,
                "schema" => self.schema = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "description" => self.description = map.next_value()?,
                "isView" => self.is_view = map.next_value()?,
                "rowCount" => self.row_count = map.next_value()?,
                "columnCount" => self.column_count = map.next_value()?,
                "sizeMb" => self.size_mb = map.next_value()?,
                "owner" => self.owner = map.next_value()?,
                "distkey" => self.distkey = map.next_value()?,
                "sortkeys" => self.sortkeys = map.next_value()?,
                "refreshStatus" => self.refresh_status = map.next_value()?,
                "lastRefresh" => self.last_refresh = map.next_value()?,
                "dataUpdatedAt" => self.data_updated_at = map.next_value()?,
                "schemaUpdatedAt" => self.schema_updated_at = map.next_value()?,
                "refreshId" => self.refresh_id = map.next_value()?,
                "lastRun" => self.last_run = map.next_value()?,
                "primaryKeys" => self.primary_keys = map.next_value()?,
                "lastModifiedKeys" => self.last_modified_keys = map.next_value()?,
                "tableTags" => self.table_tags = map.next_value()?,
                "ontologyMapping" => self.ontology_mapping = map.next_value()?,
                "columns" => self.columns = map.next_value()?,
                "joins" => self.joins = map.next_value()?,
                "multipartKey" => self.multipart_key = map.next_value()?,
                "enhancements" => self.enhancements = map.next_value()?,
                "viewDef" => self.view_def = map.next_value()?,
                "tableDef" => self.table_def = map.next_value()?,
                "outgoingTableMatches" => self.outgoing_table_matches = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for Table {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "Table")
        }
    }
    impl ::civis::__private::serde::Serialize for Table {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("databaseId", &self.database_id)?;
            writer.field("schema", &self.schema)?;
            writer.field("name", &self.name)?;
            writer.field("description", &self.description)?;
            writer.field("isView", &self.is_view)?;
            writer.field("rowCount", &self.row_count)?;
            writer.field("columnCount", &self.column_count)?;
            writer.field("sizeMb", &self.size_mb)?;
            writer.field("owner", &self.owner)?;
            writer.field("distkey", &self.distkey)?;
            writer.field("sortkeys", &self.sortkeys)?;
            writer.field("refreshStatus", &self.refresh_status)?;
            writer.field("lastRefresh", &self.last_refresh)?;
            writer.field("dataUpdatedAt", &self.data_updated_at)?;
            writer.field("schemaUpdatedAt", &self.schema_updated_at)?;
            writer.field("refreshId", &self.refresh_id)?;
            writer.field("lastRun", &self.last_run)?;
            writer.field("primaryKeys", &self.primary_keys)?;
            writer.field("lastModifiedKeys", &self.last_modified_keys)?;
            writer.field("tableTags", &self.table_tags)?;
            writer.field("ontologyMapping", &self.ontology_mapping)?;
            writer.field("columns", &self.columns)?;
            writer.field("joins", &self.joins)?;
            writer.field("multipartKey", &self.multipart_key)?;
            writer.field("enhancements", &self.enhancements)?;
            writer.field("viewDef", &self.view_def)?;
            writer.field("tableDef", &self.table_def)?;
            writer.field("outgoingTableMatches", &self.outgoing_table_matches)?;
            writer.end()
        }
    }
    /// Spec definition `TableSummarySummary`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableSummarySummary {
        /// The ID of the table. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The ID of the database. Always present in the spec.
        pub database_id: ::core::option::Option<i64>,
        /// The name of the schema containing the table. Always present in the spec.
        pub schema: ::core::option::Option<::std::string::String>,
        /// Name of the table. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The description of the table, as specified by the table owner Always present in the spec.
        pub description: ::core::option::Option<::std::string::String>,
        /// True if this table represents a view. False if it represents a regular table. Always present in the spec.
        pub is_view: ::core::option::Option<bool>,
        /// The number of rows in the table. Always present in the spec.
        pub row_count: ::core::option::Option<i64>,
        /// The number of columns in the table. Always present in the spec.
        pub column_count: ::core::option::Option<i64>,
        /// The size of the table in megabytes. Always present in the spec.
        pub size_mb: ::core::option::Option<f64>,
        /// The database username of the table's owner. Always present in the spec.
        pub owner: ::core::option::Option<::std::string::String>,
        /// The column used as the Amazon Redshift distkey. Always present in the spec.
        pub distkey: ::core::option::Option<::std::string::String>,
        /// The column used as the Amazon Redshift sortkey. Always present in the spec.
        pub sortkeys: ::core::option::Option<::std::string::String>,
        /// How up-to-date the table's statistics on row counts, null counts, distinct counts, and values distributions are. One of: refreshing, stale, or current. Always present in the spec.
        pub refresh_status: ::core::option::Option<::std::string::String>,
        /// The time of the last statistics refresh. Always present in the spec.
        pub last_refresh: ::core::option::Option<::std::string::String>,
        /// The ID of the most recent statistics refresh. Always present in the spec.
        pub refresh_id: ::core::option::Option<::std::string::String>,
        /// The last run of a refresh on this table. Always present in the spec.
        pub last_run: ::core::option::Option<JobRun>,
        /// The table tags associated with this table. Always present in the spec.
        pub table_tags: ::core::option::Option<::std::vec::Vec<InlineTableTag>>,
    }
    impl ::civis::__private::record::DecodeFields for TableSummarySummary {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "databaseId" => self.database_id = map.next_value()?,
                "schema" => self.schema = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "description" => self.description = map.next_value()?,
                "isView" => self.is_view = map.next_value()?,
                "rowCount" => self.row_count = map.next_value()?,
                "columnCount" => self.column_count = map.next_value()?,
                "sizeMb" => self.size_mb = map.next_value()?,
                "owner" => self.owner = map.next_value()?,
                "distkey" => self.distkey = map.next_value()?,
                "sortkeys" => self.sortkeys = map.next_value()?,
                "refreshStatus" => self.refresh_status = map.next_value()?,
                "lastRefresh" => self.last_refresh = map.next_value()?,
                "refreshId" => self.refresh_id = map.next_value()?,
                "lastRun" => self.last_run = map.next_value()?,
                "tableTags" => self.table_tags = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableSummarySummary {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "TableSummarySummary")
        }
    }
    impl ::civis::__private::serde::Serialize for TableSummarySummary {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("databaseId", &self.database_id)?;
            writer.field("schema", &self.schema)?;
            writer.field("name", &self.name)?;
            writer.field("description", &self.description)?;
            writer.field("isView", &self.is_view)?;
            writer.field("rowCount", &self.row_count)?;
            writer.field("columnCount", &self.column_count)?;
            writer.field("sizeMb", &self.size_mb)?;
            writer.field("owner", &self.owner)?;
            writer.field("distkey", &self.distkey)?;
            writer.field("sortkeys", &self.sortkeys)?;
            writer.field("refreshStatus", &self.refresh_status)?;
            writer.field("lastRefresh", &self.last_refresh)?;
            writer.field("refreshId", &self.refresh_id)?;
            writer.field("lastRun", &self.last_run)?;
            writer.field("tableTags", &self.table_tags)?;
            writer.end()
        }
    }
    /// Spec definition `JobScheduleCreateRequest`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct JobScheduleCreateRequest {
        /// If the item is scheduled.
        pub scheduled: ::core::option::Option<bool>,
        /// Days of the week, based on numeric value starting at 0 for Sunday. Mutually exclusive with scheduledDaysOfMonth
        pub scheduled_days: ::core::option::Option<::std::vec::Vec<i64>>,
        /// Hours of the day it is scheduled on.
        pub scheduled_hours: ::core::option::Option<::std::vec::Vec<i64>>,
        /// Minutes of the day it is scheduled on.
        pub scheduled_minutes: ::core::option::Option<::std::vec::Vec<i64>>,
        /// Deprecated in favor of scheduled minutes.
        pub scheduled_runs_per_hour: ::core::option::Option<i64>,
        /// Days of the month it is scheduled on, mutually exclusive with scheduledDays.
        pub scheduled_days_of_month: ::core::option::Option<::std::vec::Vec<i64>>,
    }
    impl ::civis::__private::serde::Serialize for JobScheduleCreateRequest {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("scheduled", &self.scheduled)?;
            writer.field("scheduled_days", &self.scheduled_days)?;
            writer.field("scheduled_hours", &self.scheduled_hours)?;
            writer.field("scheduled_minutes", &self.scheduled_minutes)?;
            writer.field("scheduled_runs_per_hour", &self.scheduled_runs_per_hour)?;
            writer.field("scheduled_days_of_month", &self.scheduled_days_of_month)?;
            writer.end()
        }
    }
    /// Spec definition `JobNotificationsCreateRequest`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct JobNotificationsCreateRequest {
        /// URLs to receive a POST request at job completion
        pub urls: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
        /// Custom subject line for success e-mail.
        pub success_email_subject: ::core::option::Option<::std::string::String>,
        /// Custom body text for success e-mail, written in Markdown.
        pub success_email_body: ::core::option::Option<::std::string::String>,
        /// Addresses to notify by e-mail when the job completes successfully.
        pub success_email_addresses: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// Name from which success emails are sent; defaults to "Civis."
        pub success_email_from_name: ::core::option::Option<::std::string::String>,
        /// Address for replies to success emails; defaults to the author of the job.
        pub success_email_reply_to: ::core::option::Option<::std::string::String>,
        /// Addresses to notify by e-mail when the job fails.
        pub failure_email_addresses: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// Stall warning emails will be sent after this amount of minutes.
        pub stall_warning_minutes: ::core::option::Option<i64>,
        /// If success email notifications are on. Defaults to user's preferences.
        pub success_on: ::core::option::Option<bool>,
        /// If failure email notifications are on. Defaults to user's preferences.
        pub failure_on: ::core::option::Option<bool>,
    }
    impl ::civis::__private::serde::Serialize for JobNotificationsCreateRequest {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("urls", &self.urls)?;
            writer.field("success_email_subject", &self.success_email_subject)?;
            writer.field("success_email_body", &self.success_email_body)?;
            writer.field("success_email_addresses", &self.success_email_addresses)?;
            writer.field("success_email_from_name", &self.success_email_from_name)?;
            writer.field("success_email_reply_to", &self.success_email_reply_to)?;
            writer.field("failure_email_addresses", &self.failure_email_addresses)?;
            writer.field("stall_warning_minutes", &self.stall_warning_minutes)?;
            writer.field("success_on", &self.success_on)?;
            writer.field("failure_on", &self.failure_on)?;
            writer.end()
        }
    }
    /// Spec definition `JobSchedule`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct JobSchedule {
        /// If the item is scheduled. Always present in the spec.
        pub scheduled: ::core::option::Option<bool>,
        /// Days of the week, based on numeric value starting at 0 for Sunday. Mutually exclusive with scheduledDaysOfMonth Always present in the spec.
        pub scheduled_days: ::core::option::Option<::std::vec::Vec<i64>>,
        /// Hours of the day it is scheduled on. Always present in the spec.
        pub scheduled_hours: ::core::option::Option<::std::vec::Vec<i64>>,
        /// Minutes of the day it is scheduled on. Always present in the spec.
        pub scheduled_minutes: ::core::option::Option<::std::vec::Vec<i64>>,
        /// Deprecated in favor of scheduled minutes. Always present in the spec.
        pub scheduled_runs_per_hour: ::core::option::Option<i64>,
        /// Days of the month it is scheduled on, mutually exclusive with scheduledDays. Always present in the spec.
        pub scheduled_days_of_month: ::core::option::Option<::std::vec::Vec<i64>>,
    }
    impl ::civis::__private::record::DecodeFields for JobSchedule {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "scheduled" => self.scheduled = map.next_value()?,
                "scheduledDays" => self.scheduled_days = map.next_value()?,
                "scheduledHours" => self.scheduled_hours = map.next_value()?,
                "scheduledMinutes" => self.scheduled_minutes = map.next_value()?,
                "scheduledRunsPerHour" => {
                    self.scheduled_runs_per_hour = map.next_value()?;
                }
                "scheduledDaysOfMonth" => {
                    self.scheduled_days_of_month = map.next_value()?;
                }
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for JobSchedule {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "JobSchedule")
        }
    }
    impl ::civis::__private::serde::Serialize for JobSchedule {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("scheduled", &self.scheduled)?;
            writer.field("scheduledDays", &self.scheduled_days)?;
            writer.field("scheduledHours", &self.scheduled_hours)?;
            writer.field("scheduledMinutes", &self.scheduled_minutes)?;
            writer.field("scheduledRunsPerHour", &self.scheduled_runs_per_hour)?;
            writer.field("scheduledDaysOfMonth", &self.scheduled_days_of_month)?;
            writer.end()
        }
    }
    /// Spec definition `JobNotifications`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct JobNotifications {
        /// URLs to receive a POST request at job completion Always present in the spec.
        pub urls: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
        /// Custom subject line for success e-mail. Always present in the spec.
        pub success_email_subject: ::core::option::Option<::std::string::String>,
        /// Custom body text for success e-mail, written in Markdown. Always present in the spec.
        pub success_email_body: ::core::option::Option<::std::string::String>,
        /// Addresses to notify by e-mail when the job completes successfully. Always present in the spec.
        pub success_email_addresses: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// Name from which success emails are sent; defaults to "Civis." Always present in the spec.
        pub success_email_from_name: ::core::option::Option<::std::string::String>,
        /// Address for replies to success emails; defaults to the author of the job. Always present in the spec.
        pub success_email_reply_to: ::core::option::Option<::std::string::String>,
        /// Addresses to notify by e-mail when the job fails. Always present in the spec.
        pub failure_email_addresses: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// Stall warning emails will be sent after this amount of minutes. Always present in the spec.
        pub stall_warning_minutes: ::core::option::Option<i64>,
        /// If success email notifications are on. Defaults to user's preferences. Always present in the spec.
        pub success_on: ::core::option::Option<bool>,
        /// If failure email notifications are on. Defaults to user's preferences. Always present in the spec.
        pub failure_on: ::core::option::Option<bool>,
    }
    impl ::civis::__private::record::DecodeFields for JobNotifications {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "urls" => self.urls = map.next_value()?,
                "successEmailSubject" => self.success_email_subject = map.next_value()?,
                "successEmailBody" => self.success_email_body = map.next_value()?,
                "successEmailAddresses" => {
                    self.success_email_addresses = map.next_value()?;
                }
                "successEmailFromName" => {
                    self.success_email_from_name = map.next_value()?;
                }
                "successEmailReplyTo" => self.success_email_reply_to = map.next_value()?,
                "failureEmailAddresses" => {
                    self.failure_email_addresses = map.next_value()?;
                }
                "stallWarningMinutes" => self.stall_warning_minutes = map.next_value()?,
                "successOn" => self.success_on = map.next_value()?,
                "failureOn" => self.failure_on = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for JobNotifications {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "JobNotifications")
        }
    }
    impl ::civis::__private::serde::Serialize for JobNotifications {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("urls", &self.urls)?;
            writer.field("successEmailSubject", &self.success_email_subject)?;
            writer.field("successEmailBody", &self.success_email_body)?;
            writer.field("successEmailAddresses", &self.success_email_addresses)?;
            writer.field("successEmailFromName", &self.success_email_from_name)?;
            writer.field("successEmailReplyTo", &self.success_email_reply_to)?;
            writer.field("failureEmailAddresses", &self.failure_email_addresses)?;
            writer.field("stallWarningMinutes", &self.stall_warning_minutes)?;
            writer.field("successOn", &self.success_on)?;
            writer.field("failureOn", &self.failure_on)?;
            writer.end()
        }
    }
    /// Spec definition `ScriptParam`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScriptParam {
        /// The variable's name as used within your code. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The label to present to users when asking them for the value. Always present in the spec.
        pub label: ::core::option::Option<::std::string::String>,
        /// A short sentence or fragment describing this parameter to the end user. Always present in the spec.
        pub description: ::core::option::Option<::std::string::String>,
        /// The type of parameter. Valid options: string, multi_line_string, integer, float, bool, file, table, database, credential_aws, credential_redshift, or credential_custom Always present in the spec.
        pub r#type: ::core::option::Option<::std::string::String>,
        /// Whether this param is required. Always present in the spec.
        pub required: ::core::option::Option<bool>,
        /// The value you would like to set this param to. Setting this value makes this parameter a fixed param. Always present in the spec.
        pub value: ::core::option::Option<::std::string::String>,
        /// If an argument for this parameter is not defined, it will use this default value. Use true, True, t, y, yes, or 1 for true bool's or false, False, f, n, no, or 0 for false bool's. Cannot be used for parameters that are required or a credential type. Always present in the spec.
        pub default: ::core::option::Option<::std::string::String>,
        /// The possible values this parameter can take, effectively making this an enumerable parameter. Allowed values is an array of hashes of the following format: `{label: 'Import', 'value': 'import'}` Always present in the spec.
        pub allowed_values: ::core::option::Option<
            ::std::vec::Vec<::civis::__private::serde_json::Value>,
        >,
    }
    impl ::civis::__private::record::DecodeFields for ScriptParam {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "name" => self.name = map.next_value()?,
                "label" => self.label = map.next_value()?,
                "description" => self.description = map.next_value()?,
                "type" => self.r#type = map.next_value()?,
                "required" => self.required = map.next_value()?,
                "value" => self.value = map.next_value()?,
                "default" => self.default = map.next_value()?,
                "allowedValues" => self.allowed_values = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for ScriptParam {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "ScriptParam")
        }
    }
    impl ::civis::__private::serde::Serialize for ScriptParam {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("name", &self.name)?;
            writer.field("label", &self.label)?;
            writer.field("description", &self.description)?;
            writer.field("type", &self.r#type)?;
            writer.field("required", &self.required)?;
            writer.field("value", &self.value)?;
            writer.field("default", &self.default)?;
            writer.field("allowedValues", &self.allowed_values)?;
            writer.end()
        }
    }
    /// Spec definition `ImportFileUploadCreateRequest`.
    pub struct ImportFileUploadCreateRequest {
        /// The schema of the destination table. Always present in the spec.
        pub schema: ::core::option::Option<::std::string::String>,
        /// The name of the destination table. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The id of the destination database host. Always present in the spec.
        pub remote_host_id: ::core::option::Option<i64>,
        /// The id of the credentials to be used when performing the database import. Always present in the spec.
        pub credential_id: ::core::option::Option<i64>,
        /// The maximum number of rows with errors to remove from the import before failing.
        pub max_errors: ::core::option::Option<i64>,
        /// The behaviour if a table with the requested name already exists. One of "fail", "truncate", "append", or "drop".Defaults to "fail". Allowed values: `append`, `truncate`, `fail`, `drop`.
        pub existing_table_rows: ::core::option::Option<::std::string::String>,
        /// The diststyle to use for the table. One of "even", "all", or "key". Allowed values: `even`, `all`, `key`.
        pub diststyle: ::core::option::Option<::std::string::String>,
        /// The column to use as the distkey for the table.
        pub distkey: ::core::option::Option<::std::string::String>,
        /// The column to use as the sort key for the table.
        pub sortkey1: ::core::option::Option<::std::string::String>,
        /// The second column in a compound sortkey for the table.
        pub sortkey2: ::core::option::Option<::std::string::String>,
        /// The column delimiter of the file. If column_delimiter is null or omitted, it will be auto-detected. Valid arguments are "comma", "tab", and "pipe". Allowed values: `comma`, `tab`, `pipe`.
        pub column_delimiter: ::core::option::Option<::std::string::String>,
        /// A boolean value indicating whether or not the first row is a header row. If first_row_is_header is null or omitted, it will be auto-detected.
        pub first_row_is_header: ::core::option::Option<bool>,
        /// If true, the upload URI will require a `multipart/form-data` POST request. Defaults to false.
        pub multipart: ::core::option::Option<bool>,
        /// If true, escape quotes with a backslash; otherwise, escape quotes by double-quoting. Defaults to false.
        pub escaped: ::core::option::Option<bool>,
        /// The hidden status of the item.
        pub hidden: ::core::option::Option<bool>,
    }
    /// Spec definition `ImportFileUploadResponse`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ImportFileUploadResponse {
        /// The id of the import. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The URI which may be used to upload a tabular file for import. You must use this URI to upload the file you wish imported and then inform the Civis API when your upload is complete using the URI given by the runUri field of this response. Always present in the spec.
        pub upload_uri: ::core::option::Option<::std::string::String>,
        /// The URI to POST to once the file upload is complete. After uploading the file using the URI given in the uploadUri attribute of the response, POST to this URI to initiate the import of your uploaded file into the platform. Always present in the spec.
        pub run_uri: ::core::option::Option<::std::string::String>,
        /// If multipart was set to true, these fields should be included in the multipart upload. Always present in the spec.
        pub upload_fields: ::core::option::Option<::civis::__private::serde_json::Value>,
    }
    impl ::civis::__private::record::DecodeFields for ImportFileUploadResponse {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "uploadUri" => self.upload_uri = map.next_value()?,
                "runUri" => self.run_uri = map.next_value()?,
                "uploadFields" => self.upload_fields = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for ImportFileUploadResponse {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(
                deserializer,
                "ImportFileUploadResponse",
            )
        }
    }
    impl ::civis::__private::serde::Serialize for ImportFileUploadResponse {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("uploadUri", &self.upload_uri)?;
            writer.field("runUri", &self.run_uri)?;
            writer.field("uploadFields", &self.upload_fields)?;
            writer.end()
        }
    }
    /// Spec definition `ScriptParamCreateRequest`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScriptParamCreateRequest {
        /// The variable's name as used within your code. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The label to present to users when asking them for the value.
        pub label: ::core::option::Option<::std::string::String>,
        /// A short sentence or fragment describing this parameter to the end user.
        pub description: ::core::option::Option<::std::string::String>,
        /// The type of parameter. Valid options: string, multi_line_string, integer, float, bool, file, table, database, credential_aws, credential_redshift, or credential_custom Always present in the spec.
        pub r#type: ::core::option::Option<::std::string::String>,
        /// Whether this param is required.
        pub required: ::core::option::Option<bool>,
        /// The value you would like to set this param to. Setting this value makes this parameter a fixed param.
        pub value: ::core::option::Option<::std::string::String>,
        /// If an argument for this parameter is not defined, it will use this default value. Use true, True, t, y, yes, or 1 for true bool's or false, False, f, n, no, or 0 for false bool's. Cannot be used for parameters that are required or a credential type.
        pub default: ::core::option::Option<::std::string::String>,
        /// The possible values this parameter can take, effectively making this an enumerable parameter. Allowed values is an array of hashes of the following format: `{label: 'Import', 'value': 'import'}`
        pub allowed_values: ::core::option::Option<
            ::std::vec::Vec<::civis::__private::serde_json::Value>,
        >,
    }
    impl ::civis::__private::serde::Serialize for ScriptParamCreateRequest {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("name", &self.name)?;
            writer.field("label", &self.label)?;
            writer.field("description", &self.description)?;
            writer.field("type", &self.r#type)?;
            writer.field("required", &self.required)?;
            writer.field("value", &self.value)?;
            writer.field("default", &self.default)?;
            writer.field("allowed_values", &self.allowed_values)?;
            writer.end()
        }
    }
    /// Spec definition `ScriptProject`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScriptProject {
        /// The ID for the project. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The name of the project. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for ScriptProject {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for ScriptProject {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "ScriptProject")
        }
    }
    impl ::civis::__private::serde::Serialize for ScriptProject {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.end()
        }
    }
    /// Spec definition `ScriptLink`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScriptLink {
        /// The details link to get more information about the script. Always present in the spec.
        pub details: ::core::option::Option<::std::string::String>,
        /// The runs link to get the run information list for this script. Always present in the spec.
        pub runs: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for ScriptLink {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "details" => self.details = map.next_value()?,
                "runs" => self.runs = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for ScriptLink {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "ScriptLink")
        }
    }
    impl ::civis::__private::serde::Serialize for ScriptLink {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("details", &self.details)?;
            writer.field("runs", &self.runs)?;
            writer.end()
        }
    }
    /// Spec definition `ScriptCsvSettingsParamsCreateRequest`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScriptCsvSettingsParamsCreateRequest {
        /// Whether or not to include headers in the output data. Default: true
        pub include_header: ::core::option::Option<bool>,
        /// The type of compression to use, if any, one of "none", "zip", or "gzip". Default: gzip Allowed values: `gzip`, `zip`, `none`.
        pub compression: ::core::option::Option<::std::string::String>,
        /// Which delimiter to use, one of "comma", "tab", or "pipe". Default: comma Allowed values: `comma`, `tab`, `pipe`.
        pub column_delimiter: ::core::option::Option<::std::string::String>,
        /// Whether or not to quote fields. Default: false
        pub unquoted: ::core::option::Option<bool>,
        /// Whether or not the csv should be split into multiple files. Default: false
        pub force_multifile: ::core::option::Option<bool>,
        /// A user specified filename prefix for the output file to have. Default: null
        pub filename_prefix: ::core::option::Option<::std::string::String>,
        /// The max file size, in MB, created files will be. Only available when force_multifile is true.
        pub max_file_size: ::core::option::Option<i64>,
    }
    impl ::civis::__private::serde::Serialize for ScriptCsvSettingsParamsCreateRequest {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("include_header", &self.include_header)?;
            writer.field("compression", &self.compression)?;
            writer.field("column_delimiter", &self.column_delimiter)?;
            writer.field("unquoted", &self.unquoted)?;
            writer.field("force_multifile", &self.force_multifile)?;
            writer.field("filename_prefix", &self.filename_prefix)?;
            writer.field("max_file_size", &self.max_file_size)?;
            writer.end()
        }
    }
    /// Spec definition `SqlScriptCreateRequest`.
    pub struct SqlScriptCreateRequest {
        /// The name of the script. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The ID of the parent job that will trigger this script
        pub parent_id: ::core::option::Option<i64>,
        /// "runner" or "author", who to execute the script as when run as a template. Allowed values: `runner`, `author`.
        pub user_context: ::core::option::Option<::std::string::String>,
        /// A definition of the parameters this script accepts in the arguments field.
        pub params: ::core::option::Option<::std::vec::Vec<ScriptParamCreateRequest>>,
        /// Parameter-value pairs to use when running this script. Only settable if this script has defined parameters.
        pub arguments: ::core::option::Option<::civis::__private::serde_json::Value>,
        /// The schedule of when this script will be run.
        pub schedule: ::core::option::Option<JobScheduleCreateRequest>,
        /// The notifications to send after the script is run.
        pub notifications: ::core::option::Option<JobNotificationsCreateRequest>,
        /// The time of the next scheduled run.
        pub next_run_at: ::core::option::Option<::std::string::String>,
        /// The time zone of this script.
        pub time_zone: ::core::option::Option<::std::string::String>,
        /// The hidden status of the item.
        pub hidden: ::core::option::Option<bool>,
        /// Target project to which script outputs will be added.
        pub target_project_id: ::core::option::Option<i64>,
        /// The raw SQL query for the script. Always present in the spec.
        pub sql: ::core::option::Option<::std::string::String>,
        /// The remote host ID that this script will connect to. Always present in the spec.
        pub remote_host_id: ::core::option::Option<i64>,
        /// The credential that this script will use. Always present in the spec.
        pub credential_id: ::core::option::Option<i64>,
        /// Parameters that determine the format of the generated file.
        pub csv_settings: ::core::option::Option<ScriptCsvSettingsParamsCreateRequest>,
        /// The ID of the runner of this script.
        pub running_as_id: ::core::option::Option<i64>,
    }
    /// Spec definition `ScriptCsvSettingsParams`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScriptCsvSettingsParams {
        /// Whether or not to include headers in the output data. Default: true Always present in the spec.
        pub include_header: ::core::option::Option<bool>,
        /// The type of compression to use, if any, one of "none", "zip", or "gzip". Default: gzip Allowed values: `gzip`, `zip`, `none`. Always present in the spec.
        pub compression: ::core::option::Option<::std::string::String>,
        /// Which delimiter to use, one of "comma", "tab", or "pipe". Default: comma Allowed values: `comma`, `tab`, `pipe`. Always present in the spec.
        pub column_delimiter: ::core::option::Option<::std::string::String>,
        /// Whether or not to quote fields. Default: false Always present in the spec.
        pub unquoted: ::core::option::Option<bool>,
        /// Whether or not the csv should be split into multiple files. Default: false Always present in the spec.
        pub force_multifile: ::core::option::Option<bool>,
        /// A user specified filename prefix for the output file to have. Default: null Always present in the spec.
        pub filename_prefix: ::core::option::Option<::std::string::String>,
        /// The max file size, in MB, created files will be. Only available when force_multifile is true. Always present in the spec.
        pub max_file_size: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for ScriptCsvSettingsParams {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "includeHeader" => self.include_header = map.next_value()?,
                "compression" => self.compression = map.next_value()?,
                "columnDelimiter" => self.column_delimiter = map.next_value()?,
                "unquoted" => self.unquoted = map.next_value()?,
                "forceMultifile" => self.force_multifile = map.next_value()?,
                "filenamePrefix" => self.filename_prefix = map.next_value()?,
                "maxFileSize" => self.max_file_size = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for ScriptCsvSettingsParams {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(
                deserializer,
                "ScriptCsvSettingsParams",
            )
        }
    }
    impl ::civis::__private::serde::Serialize for ScriptCsvSettingsParams {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("includeHeader", &self.include_header)?;
            writer.field("compression", &self.compression)?;
            writer.field("columnDelimiter", &self.column_delimiter)?;
            writer.field("unquoted", &self.unquoted)?;
            writer.field("forceMultifile", &self.force_multifile)?;
            writer.field("filenamePrefix", &self.filename_prefix)?;
            writer.field("maxFileSize", &self.max_file_size)?;
            writer.end()
        }
    }
    /// Spec definition `SqlScript`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct SqlScript {
        /// The ID for the script. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The name of the script. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The type of the script (e.g SQL, Container, Python, R, JavaScript, dbt) Always present in the spec.
        pub r#type: ::core::option::Option<::std::string::String>,
        /// The time this script was created. Always present in the spec.
        pub created_at: ::core::option::Option<::std::string::String>,
        /// The time the script was last updated. Always present in the spec.
        pub updated_at: ::core::option::Option<::std::string::String>,
        /// The author/owner of the item. Always present in the spec.
        pub author: ::core::option::Option<UserSimpleUser>,
        /// The state of the last run. One of idle, pending, scheduled, queued, running, succeeded, failed or cancelled. Allowed values: `idle`, `pending`, `scheduled`, `queued`, `running`, `succeeded`, `failed`, `cancelled`. Always present in the spec.
        pub state: ::core::option::Option<::std::string::String>,
        /// The time that the script's last run finished. Always present in the spec.
        pub finished_at: ::core::option::Option<::std::string::String>,
        /// The category of the script. Allowed values: `script`, `import`, `export`, `enhancement`. Always present in the spec.
        pub category: ::core::option::Option<::std::string::String>,
        /// A list of projects containing the script. Always present in the spec.
        pub projects: ::core::option::Option<::std::vec::Vec<ScriptProject>>,
        /// The ID of the parent job that will trigger this script Always present in the spec.
        pub parent_id: ::core::option::Option<i64>,
        /// "runner" or "author", who to execute the script as when run as a template. Allowed values: `runner`, `author`. Always present in the spec.
        pub user_context: ::core::option::Option<::std::string::String>,
        /// A definition of the parameters this script accepts in the arguments field. Always present in the spec.
        pub params: ::core::option::Option<::std::vec::Vec<ScriptParam>>,
        /// Parameter-value pairs to use when running this script. Only settable if this script has defined parameters. Always present in the spec.
        pub arguments: ::core::option::Option<::civis::__private::serde_json::Value>,
        /// Whether others scripts use this one as a template. Always present in the spec.
        pub is_template: ::core::option::Option<bool>,
        /// The ID of the template that this script is backing. Always present in the spec.
        pub published_as_template_id: ::core::option::Option<i64>,
        /// The ID of the template this script uses, if any. Always present in the spec.
        pub from_template_id: ::core::option::Option<i64>,
        /// How many other scripts use this one as a template. Always present in the spec.
        pub template_dependents_count: ::core::option::Option<i64>,
        /// The name of the template script. Always present in the spec.
        pub template_script_name: ::core::option::Option<::std::string::String>,
        /// Useful links for this script. Always present in the spec.
        pub links: ::core::option::Option<ScriptLink>,
        /// The schedule of when this script will be run. Always present in the spec.
        pub schedule: ::core::option::Option<JobSchedule>,
        /// The notifications to send after the script is run. Always present in the spec.
        pub notifications: ::core::option::Option<JobNotifications>,
        /// The user this job will run as, defaults to the author of the job. Always present in the spec.
        pub running_as: ::core::option::Option<UserSimpleUser>,
        /// The time of the next scheduled run. Always present in the spec.
        pub next_run_at: ::core::option::Option<::std::string::String>,
        /// The time zone of this script. Always present in the spec.
        pub time_zone: ::core::option::Option<::std::string::String>,
        /// The last run of this script. Always present in the spec.
        pub last_run: ::core::option::Option<JobRun>,
        /// Your permission level on the object. One of "read", "write", or "manage". Allowed values: `read`, `write`, `manage`. Always present in the spec.
        pub my_permission_level: ::core::option::Option<::std::string::String>,
        /// The hidden status of the item. Always present in the spec.
        pub hidden: ::core::option::Option<bool>,
        /// Target project to which script outputs will be added. Always present in the spec.
        pub target_project_id: ::core::option::Option<i64>,
        /// The archival status of the requested item(s). Always present in the spec.
        pub archived: ::core::option::Option<bool>,
        /// The raw SQL query for the script. Always present in the spec.
        pub sql: ::core::option::Option<::std::string::String>,
        /// Expanded arguments for use in injecting into different environments. Always present in the spec.
        pub expanded_arguments: ::core::option::Option<
            ::civis::__private::serde_json::Value,
        >,
        /// The remote host ID that this script will connect to. Always present in the spec.
        pub remote_host_id: ::core::option::Option<i64>,
        /// The credential that this script will use. Always present in the spec.
        pub credential_id: ::core::option::Option<i64>,
        /// The code that this script will run with arguments inserted. Always present in the spec.
        pub code_preview: ::core::option::Option<::std::string::String>,
        /// Parameters that determine the format of the generated file. Always present in the spec.
        pub csv_settings: ::core::option::Option<ScriptCsvSettingsParams>,
        /// The ID of the runner of this script. Always present in the spec.
        pub running_as_id: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for SqlScript {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "type" => self.r#type = map.next_value()?,
                "createdAt" => self.created_at = map.next_value()?,
                "updatedAt" => self.updated_at = map.next_value()?,
                "author" => self.author = map.next_value()?,
                "state" => self.state = map.next_value()?,
                "finishedAt" => self.finished_at = map.next_value()?,
                "category" => self.category = map.next_value()?,
                "projects" => self.projects = map.next_value()?,
                "parentId" => self.parent_id = map.next_value()?,
                "userContext" => self.user_context = map.next_value()?,
                "params" => self.params = map.next_value()?,
                "arguments" => self.arguments = map.next_value()?,
                "isTemplate" => self.is_template = map.next_value()?,
                "publishedAsTemplateId" => {
                    self.published_as_template_id = map.next_value()?;
                }
                "fromTemplateId" => self.from_template_id = map.next_value()?,
                "templateDependentsCount" => {
                    self.template_dependents_count = map.next_value()?;
                }
                "templateScriptName" => self.template_script_name = map.next_value()?,
                "links" => self.links = map.next_value()?,
                "schedule" => self.schedule = map.next_value()?,
                "notifications" => self.notifications = map.next_value()?,
                "runningAs" => self.running_as = map.next_value()?,
                "nextRunAt" => self.next_run_at = map.next_value()?,
                "timeZone" => self.time_zone = map.next_value()?,
                "lastRun" => self.last_run = map.next_value()?,
                "myPermissionLevel" => self.my_permission_level = map.next_value()?,
                "hidden" => self.hidden = map.next_value()?,
                "targetProjectId" => self.target_project_id = map.next_value()?,
                "archived" => self.archived = map.next_value()?,
                "sql" => self.sql = map.next_value()?,
                "expandedArguments" => self.expanded_arguments = map.next_value()?,
                "remoteHostId" => self.remote_host_id = map.next_value()?,
                "credentialId" => self.credential_id = map.next_value()?,
                "codePreview" => self.code_preview = map.next_value()?,
                "csvSettings" => self.csv_settings = map.next_value()?,
                "runningAsId" => self.running_as_id = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for SqlScript {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "SqlScript")
        }
    }
    impl ::civis::__private::serde::Serialize for SqlScript {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.field("type", &self.r#type)?;
            writer.field("createdAt", &self.created_at)?;
            writer.field("updatedAt", &self.updated_at)?;
            writer.field("author", &self.author)?;
            writer.field("state", &self.state)?;
            writer.field("finishedAt", &self.finished_at)?;
            writer.field("category", &self.category)?;
            writer.field("projects", &self.projects)?;
            writer.field("parentId", &self.parent_id)?;
            writer.field("userContext", &self.user_context)?;
            writer.field("params", &self.params)?;
            writer.field("arguments", &self.arguments)?;
            writer.field("isTemplate", &self.is_template)?;
            writer.field("publishedAsTemplateId", &self.published_as_template_id)?;
            writer.field("fromTemplateId", &self.from_template_id)?;
            writer.field("templateDependentsCount", &self.template_dependents_count)?;
            writer.field("templateScriptName", &self.template_script_name)?;
            writer.field("links", &self.links)?;
            writer.field("schedule", &self.schedule)?;
            writer.field("notifications", &self.notifications)?;
            writer.field("runningAs", &self.running_as)?;
            writer.field("nextRunAt", &self.next_run_at)?;
            writer.field("timeZone", &self.time_zone)?;
            writer.field("lastRun", &self.last_run)?;
            writer.field("myPermissionLevel", &self.my_permission_level)?;
            writer.field("hidden", &self.hidden)?;
            writer.field("targetProjectId", &self.target_project_id)?;
            writer.field("archived", &self.archived)?;
            writer.field("sql", &self.sql)?;
            writer.field("expandedArguments", &self.expanded_arguments)?;
            writer.field("remoteHostId", &self.remote_host_id)?;
            writer.field("credentialId", &self.credential_id)?;
            writer.field("codePreview", &self.code_preview)?;
            writer.field("csvSettings", &self.csv_settings)?;
            writer.field("runningAsId", &self.running_as_id)?;
            writer.end()
        }
    }
    /// Spec definition `TableUpdatePatchRequest`.
    pub struct TableUpdatePatchRequest {
        /// The ontology-key to column-name mapping. See /ontology for the list of valid ontology keys.
        pub ontology_mapping: ::core::option::Option<
            ::civis::__private::serde_json::Value,
        >,
        /// The user-defined description of the table.
        pub description: ::core::option::Option<::std::string::String>,
        /// A list of column(s) which together uniquely identify a row in the data.These columns must not contain NULL values.
        pub primary_keys: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
        /// The columns indicating when a row was last modified.
        pub last_modified_keys: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
    }
    /// Spec definition `TableSummaryWithOntology`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TableSummaryWithOntology {
        /// The ID of the table. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The ID of the database. Always present in the spec.
        pub database_id: ::core::option::Option<i64>,
        /// The name of the schema containing the table. Always present in the spec.
        pub schema: ::core::option::Option<::std::string::String>,
        /// Name of the table. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The description of the table, as specified by the table owner Always present in the spec.
        pub description: ::core::option::Option<::std::string::String>,
        /// True if this table represents a view. False if it represents a regular table. Always present in the spec.
        pub is_view: ::core::option::Option<bool>,
        /// The number of rows in the table. Always present in the spec.
        pub row_count: ::core::option::Option<i64>,
        /// The number of columns in the table. Always present in the spec.
        pub column_count: ::core::option::Option<i64>,
        /// The size of the table in megabytes. Always present in the spec.
        pub size_mb: ::core::option::Option<f64>,
        /// The database username of the table's owner. Always present in the spec.
        pub owner: ::core::option::Option<::std::string::String>,
        /// The column used as the Amazon Redshift distkey. Always present in the spec.
        pub distkey: ::core::option::Option<::std::string::String>,
        /// The column used as the Amazon Redshift sortkey. Always present in the spec.
        pub sortkeys: ::core::option::Option<::std::string::String>,
        /// How up-to-date the table's statistics on row counts, null counts, distinct counts, and values distributions are. One of: refreshing, stale, or current. Always present in the spec.
        pub refresh_status: ::core::option::Option<::std::string::String>,
        /// The time of the last statistics refresh. Always present in the spec.
        pub last_refresh: ::core::option::Option<::std::string::String>,
        /// The last time that Civis Platform captured a change in this table.Only applicable for Redshift tables; please see the Civis help desk for more info. Always present in the spec.
        pub data_updated_at: ::core::option::Option<::std::string::String>,
        /// The last time that Civis Platform captured a change to the table attributes/structure.Only applicable for Redshift tables; please see the Civis help desk for more info. Always present in the spec.
        pub schema_updated_at: ::core::option::Option<::std::string::String>,
        /// The ID of the most recent statistics refresh. Always present in the spec.
        pub refresh_id: ::core::option::Option<::std::string::String>,
        /// The last run of a refresh on this table. Always present in the spec.
        pub last_run: ::core::option::Option<JobRun>,
        /// The primary keys for this table. Always present in the spec.
        pub primary_keys: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
        /// The columns indicating an entry's modification status for this table. Always present in the spec.
        pub last_modified_keys: ::core::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        /// The table tags associated with this table. Always present in the spec.
        pub table_tags: ::core::option::Option<::std::vec::Vec<InlineTableTag>>,
        /// The ontology-key to column-name mapping. See /ontology for the list of valid ontology keys. Always present in the spec.
        pub ontology_mapping: ::core::option::Option<
            ::civis::__private::serde_json::Value,
        >,
    }
    impl ::civis::__private::record::DecodeFields for TableSummaryWithOntology {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "databaseId" => self.database_id = map.next_value()?,
                "schema" => self.schema = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "description" => self.description = map.next_value()?,
                "isView" => self.is_view = map.next_value()?,
                "rowCount" => self.row_count = map.next_value()?,
                "columnCount" => self.column_count = map.next_value()?,
                "sizeMb" => self.size_mb = map.next_value()?,
                "owner" => self.owner = map.next_value()?,
                "distkey" => self.distkey = map.next_value()?,
                "sortkeys" => self.sortkeys = map.next_value()?,
                "refreshStatus" => self.refresh_status = map.next_value()?,
                "lastRefresh" => self.last_refresh = map.next_value()?,
                "dataUpdatedAt" => self.data_updated_at = map.next_value()?,
                "schemaUpdatedAt" => self.schema_updated_at = map.next_value()?,
                "refreshId" => self.refresh_id = map.next_value()?,
                "lastRun" => self.last_run = map.next_value()?,
                "primaryKeys" => self.primary_keys = map.next_value()?,
                "lastModifiedKeys" => self.last_modified_keys = map.next_value()?,
                "tableTags" => self.table_tags = map.next_value()?,
                "ontologyMapping" => self.ontology_mapping = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for TableSummaryWithOntology {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(
                deserializer,
                "TableSummaryWithOntology",
            )
        }
    }
    impl ::civis::__private::serde::Serialize for TableSummaryWithOntology {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("databaseId", &self.database_id)?;
            writer.field("schema", &self.schema)?;
            writer.field("name", &self.name)?;
            writer.field("description", &self.description)?;
            writer.field("isView", &self.is_view)?;
            writer.field("rowCount", &self.row_count)?;
            writer.field("columnCount", &self.column_count)?;
            writer.field("sizeMb", &self.size_mb)?;
            writer.field("owner", &self.owner)?;
            writer.field("distkey", &self.distkey)?;
            writer.field("sortkeys", &self.sortkeys)?;
            writer.field("refreshStatus", &self.refresh_status)?;
            writer.field("lastRefresh", &self.last_refresh)?;
            writer.field("dataUpdatedAt", &self.data_updated_at)?;
            writer.field("schemaUpdatedAt", &self.schema_updated_at)?;
            writer.field("refreshId", &self.refresh_id)?;
            writer.field("lastRun", &self.last_run)?;
            writer.field("primaryKeys", &self.primary_keys)?;
            writer.field("lastModifiedKeys", &self.last_modified_keys)?;
            writer.field("tableTags", &self.table_tags)?;
            writer.field("ontologyMapping", &self.ontology_mapping)?;
            writer.end()
        }
    }
    /// Spec definition `UserGroup`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UserGroup {
        /// The ID of this group. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// The name of this group. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// The slug of this group. Always present in the spec.
        pub slug: ::core::option::Option<::std::string::String>,
        /// The ID of the organization associated with this group. Always present in the spec.
        pub organization_id: ::core::option::Option<i64>,
        /// The name of the organization associated with this group. Always present in the spec.
        pub organization_name: ::core::option::Option<::std::string::String>,
    }
    impl ::civis::__private::record::DecodeFields for UserGroup {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "slug" => self.slug = map.next_value()?,
                "organizationId" => self.organization_id = map.next_value()?,
                "organizationName" => self.organization_name = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for UserGroup {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "UserGroup")
        }
    }
    impl ::civis::__private::serde::Serialize for UserGroup {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.field("slug", &self.slug)?;
            writer.field("organizationId", &self.organization_id)?;
            writer.field("organizationName", &self.organization_name)?;
            writer.end()
        }
    }
    /// Spec definition `UserMe`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UserMe {
        /// The ID of this user. Always present in the spec.
        pub id: ::core::option::Option<i64>,
        /// This user's name. Always present in the spec.
        pub name: ::core::option::Option<::std::string::String>,
        /// This user's email address. Always present in the spec.
        pub email: ::core::option::Option<::std::string::String>,
        /// This user's username. Always present in the spec.
        pub username: ::core::option::Option<::std::string::String>,
        /// This user's initials. Always present in the spec.
        pub initials: ::core::option::Option<::std::string::String>,
        /// The date and time at which the user last checked their announcements. Always present in the spec.
        pub last_checked_announcements: ::core::option::Option<::std::string::String>,
        /// The feature flag settings for this user. Always present in the spec.
        pub feature_flags: ::core::option::Option<::civis::__private::serde_json::Value>,
        /// The roles this user has, listed by slug. Always present in the spec.
        pub roles: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
        /// This user's preferences. Always present in the spec.
        pub preferences: ::core::option::Option<::civis::__private::serde_json::Value>,
        /// The branding of Platform for this user. Always present in the spec.
        pub custom_branding: ::core::option::Option<::std::string::String>,
        /// The ID of the primary group of this user. Always present in the spec.
        pub primary_group_id: ::core::option::Option<i64>,
        /// An array of all the groups this user is in. Always present in the spec.
        pub groups: ::core::option::Option<::std::vec::Vec<UserGroup>>,
        /// The name of the organization the user belongs to. Always present in the spec.
        pub organization_name: ::core::option::Option<::std::string::String>,
        /// The slug of the organization the user belongs to. Always present in the spec.
        pub organization_slug: ::core::option::Option<::std::string::String>,
        /// The ID of the organizations's default theme. Always present in the spec.
        pub organization_default_theme_id: ::core::option::Option<i64>,
        /// The date and time when the user was created. Always present in the spec.
        pub created_at: ::core::option::Option<::std::string::String>,
        /// The number of times the user has signed in. Always present in the spec.
        pub sign_in_count: ::core::option::Option<i64>,
        /// Whether the user is assuming this role or not. Always present in the spec.
        pub assuming_role: ::core::option::Option<bool>,
        /// Details about the role assumer. Always present in the spec.
        pub role_assumer: ::core::option::Option<::civis::__private::serde_json::Value>,
        /// Whether the user is assuming admin. Always present in the spec.
        pub assuming_admin: ::core::option::Option<bool>,
        /// When the user's admin role is set to expire. Always present in the spec.
        pub assuming_admin_expiration: ::core::option::Option<::std::string::String>,
        /// The user is in superadmin mode when set to a DateTime. The user is not in superadmin mode when set to null. Always present in the spec.
        pub superadmin_mode_expiration: ::core::option::Option<::std::string::String>,
        /// Whether to disable non-compliant fedramp features. Always present in the spec.
        pub disable_non_compliant_fedramp_features: ::core::option::Option<bool>,
        /// The high-level role representing the current user's main permissions. Always present in the spec.
        pub persona_role: ::core::option::Option<::std::string::String>,
        /// The ID of the user who created this user. Always present in the spec.
        pub created_by_id: ::core::option::Option<i64>,
        /// The ID of the user who last updated this user. Always present in the spec.
        pub last_updated_by_id: ::core::option::Option<i64>,
    }
    impl ::civis::__private::record::DecodeFields for UserMe {
        fn decode_field<'de, A: ::civis::__private::serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> ::core::result::Result<bool, A::Error> {
            match key {
                "id" => self.id = map.next_value()?,
                "name" => self.name = map.next_value()?,
                "email" => self.email = map.next_value()?,
                "username" => self.username = map.next_value()?,
                "initials" => self.initials = map.next_value()?,
                "lastCheckedAnnouncements" => {
                    self.last_checked_announcements = map.next_value()?;
                }
                "featureFlags" => self.feature_flags = map.next_value()?,
                "roles" => self.roles = map.next_value()?,
                "preferences" => self.preferences = map.next_value()?,
                "customBranding" => self.custom_branding = map.next_value()?,
                "primaryGroupId" => self.primary_group_id = map.next_value()?,
                "groups" => self.groups = map.next_value()?,
                "organizationName" => self.organization_name = map.next_value()?,
                "organizationSlug" => self.organization_slug = map.next_value()?,
                "organizationDefaultThemeId" => {
                    self.organization_default_theme_id = map.next_value()?;
                }
                "createdAt" => self.created_at = map.next_value()?,
                "signInCount" => self.sign_in_count = map.next_value()?,
                "assumingRole" => self.assuming_role = map.next_value()?,
                "roleAssumer" => self.role_assumer = map.next_value()?,
                "assumingAdmin" => self.assuming_admin = map.next_value()?,
                "assumingAdminExpiration" => {
                    self.assuming_admin_expiration = map.next_value()?;
                }
                "superadminModeExpiration" => {
                    self.superadmin_mode_expiration = map.next_value()?;
                }
                "disableNonCompliantFedrampFeatures" => {
                    self.disable_non_compliant_fedramp_features = map.next_value()?;
                }
                "personaRole" => self.persona_role = map.next_value()?,
                "createdById" => self.created_by_id = map.next_value()?,
                "lastUpdatedById" => self.last_updated_by_id = map.next_value()?,
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    }
    impl<'de> ::civis::__private::serde::Deserialize<'de> for UserMe {
        fn deserialize<D: ::civis::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::civis::__private::record::deserialize(deserializer, "UserMe")
        }
    }
    impl ::civis::__private::serde::Serialize for UserMe {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("id", &self.id)?;
            writer.field("name", &self.name)?;
            writer.field("email", &self.email)?;
            writer.field("username", &self.username)?;
            writer.field("initials", &self.initials)?;
            writer.field("lastCheckedAnnouncements", &self.last_checked_announcements)?;
            writer.field("featureFlags", &self.feature_flags)?;
            writer.field("roles", &self.roles)?;
            writer.field("preferences", &self.preferences)?;
            writer.field("customBranding", &self.custom_branding)?;
            writer.field("primaryGroupId", &self.primary_group_id)?;
            writer.field("groups", &self.groups)?;
            writer.field("organizationName", &self.organization_name)?;
            writer.field("organizationSlug", &self.organization_slug)?;
            writer
                .field(
                    "organizationDefaultThemeId",
                    &self.organization_default_theme_id,
                )?;
            writer.field("createdAt", &self.created_at)?;
            writer.field("signInCount", &self.sign_in_count)?;
            writer.field("assumingRole", &self.assuming_role)?;
            writer.field("roleAssumer", &self.role_assumer)?;
            writer.field("assumingAdmin", &self.assuming_admin)?;
            writer.field("assumingAdminExpiration", &self.assuming_admin_expiration)?;
            writer.field("superadminModeExpiration", &self.superadmin_mode_expiration)?;
            writer
                .field(
                    "disableNonCompliantFedrampFeatures",
                    &self.disable_non_compliant_fedramp_features,
                )?;
            writer.field("personaRole", &self.persona_role)?;
            writer.field("createdById", &self.created_by_id)?;
            writer.field("lastUpdatedById", &self.last_updated_by_id)?;
            writer.end()
        }
    }
    /// Spec definition `UserPreferencesPatchRequest`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UserPreferencesPatchRequest {
        /// This attribute is deprecated
        pub app_index_order_field: ::core::option::Option<::std::string::String>,
        /// This attribute is deprecated
        pub app_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Order field for the reports index page.
        pub result_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the reports index page.
        pub result_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Type filter for the reports index page.
        pub result_index_type_filter: ::core::option::Option<::std::string::String>,
        /// Author filter for the reports index page.
        pub result_index_author_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the reports index page.
        pub result_index_archived_filter: ::core::option::Option<::std::string::String>,
        /// Order field for the imports index page.
        pub import_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the imports index page.
        pub import_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Type filter for the imports index page.
        pub import_index_type_filter: ::core::option::Option<::std::string::String>,
        /// Author filter for the imports index page.
        pub import_index_author_filter: ::core::option::Option<::std::string::String>,
        /// Destination filter for the imports index page.
        pub import_index_dest_filter: ::core::option::Option<::std::string::String>,
        /// Status filter for the imports index page.
        pub import_index_status_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the imports index page.
        pub import_index_archived_filter: ::core::option::Option<::std::string::String>,
        /// Order field for the exports index page.
        pub export_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the exports index page.
        pub export_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Type filter for the exports index page.
        pub export_index_type_filter: ::core::option::Option<::std::string::String>,
        /// Author filter for the exports index page.
        pub export_index_author_filter: ::core::option::Option<::std::string::String>,
        /// Status filter for the exports index page.
        pub export_index_status_filter: ::core::option::Option<::std::string::String>,
        /// Order field for the models index page.
        pub model_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the models index page.
        pub model_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Author filter for the models index page.
        pub model_index_author_filter: ::core::option::Option<::std::string::String>,
        /// Status filter for the models index page.
        pub model_index_status_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the models index page.
        pub model_index_archived_filter: ::core::option::Option<::std::string::String>,
        /// Thumbnail view for the models index page.
        pub model_index_thumbnail_view: ::core::option::Option<::std::string::String>,
        /// Order field for the scripts index page.
        pub script_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the scripts index page.
        pub script_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Type filter for the scripts index page.
        pub script_index_type_filter: ::core::option::Option<::std::string::String>,
        /// Author filter for the scripts index page.
        pub script_index_author_filter: ::core::option::Option<::std::string::String>,
        /// Status filter for the scripts index page.
        pub script_index_status_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the scripts index page.
        pub script_index_archived_filter: ::core::option::Option<::std::string::String>,
        /// Order field for the projects index page.
        pub project_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the projects index page.
        pub project_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Author filter for the projects index page.
        pub project_index_author_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the projects index page.
        pub project_index_archived_filter: ::core::option::Option<::std::string::String>,
        /// Thumbnail view for the reports index page.
        pub report_index_thumbnail_view: ::core::option::Option<::std::string::String>,
        /// Order field for projects detail pages.
        pub project_detail_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for projects detail pages.
        pub project_detail_order_dir: ::core::option::Option<::std::string::String>,
        /// Author filter for projects detail pages.
        pub project_detail_author_filter: ::core::option::Option<::std::string::String>,
        /// Type filter for projects detail pages.
        pub project_detail_type_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the projects detail pages.
        pub project_detail_archived_filter: ::core::option::Option<
            ::std::string::String,
        >,
        /// Order field for the enhancements index page.
        pub enhancement_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the enhancements index page.
        pub enhancement_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Author filter for the enhancements index page.
        pub enhancement_index_author_filter: ::core::option::Option<
            ::std::string::String,
        >,
        /// Archived filter for the enhancements index page.
        pub enhancement_index_archived_filter: ::core::option::Option<
            ::std::string::String,
        >,
        /// ID of preferred server.
        pub preferred_server_id: ::core::option::Option<i64>,
        /// Whether the user is shown steps for each exploration.
        pub civis_explore_skip_intro: ::core::option::Option<bool>,
        /// Order field for the registrations index page.
        pub registration_index_order_field: ::core::option::Option<
            ::std::string::String,
        >,
        /// Order direction for the registrations index page.
        pub registration_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Status filter for the registrations index page.
        pub registration_index_status_filter: ::core::option::Option<
            ::std::string::String,
        >,
        /// Whether a free trial upgrade has been requested.
        pub upgrade_requested: ::core::option::Option<::std::string::String>,
        /// Order direction for the welcome page.
        pub welcome_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the welcome page.
        pub welcome_order_dir: ::core::option::Option<::std::string::String>,
        /// Status filter for the welcome page.
        pub welcome_author_filter: ::core::option::Option<::std::string::String>,
        /// Status filter for the welcome page.
        pub welcome_status_filter: ::core::option::Option<::std::string::String>,
        /// Status filter for the welcome page.
        pub welcome_archived_filter: ::core::option::Option<::std::string::String>,
        /// Width of the data pane when expanded.
        pub data_pane_width: ::core::option::Option<::std::string::String>,
        /// Whether the data pane is collapsed.
        pub data_pane_collapsed: ::core::option::Option<::std::string::String>,
        /// Order field for the notebooks page.
        pub notebook_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the notebooks page.
        pub notebook_order_dir: ::core::option::Option<::std::string::String>,
        /// Author filter for the notebooks page.
        pub notebook_author_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the notebooks page.
        pub notebook_archived_filter: ::core::option::Option<::std::string::String>,
        /// Status filter for the notebooks page.
        pub notebook_status_filter: ::core::option::Option<::std::string::String>,
        /// Order field for the workflows page.
        pub workflow_index_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the workflows page.
        pub workflow_index_order_dir: ::core::option::Option<::std::string::String>,
        /// Author filter for the workflows page.
        pub workflow_index_author_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the workflows page.
        pub workflow_index_archived_filter: ::core::option::Option<
            ::std::string::String,
        >,
        /// Order field for the services page.
        pub service_order_field: ::core::option::Option<::std::string::String>,
        /// Order direction for the services page.
        pub service_order_dir: ::core::option::Option<::std::string::String>,
        /// Author filter for the services page.
        pub service_author_filter: ::core::option::Option<::std::string::String>,
        /// Archived filter for the services page.
        pub service_archived_filter: ::core::option::Option<::std::string::String>,
        /// JSON string of previously assumed roles.
        pub assume_role_history: ::core::option::Option<::std::string::String>,
        /// Whether email notifications for the success of all applicable jobs are on by default.
        pub default_success_notifications_on: ::core::option::Option<bool>,
        /// Whether email notifications for the failure of all applicable jobs are on by default.
        pub default_failure_notifications_on: ::core::option::Option<bool>,
        /// Whether the activity metrics are filtered to the current user.
        pub my_activity_metrics: ::core::option::Option<bool>,
        /// Whether the query page includes standard SQL autocomplete.
        pub standard_sql_autocomplete_disabled: ::core::option::Option<bool>,
        /// Whether the query page includes AI-powered SQL autocomplete.
        pub ai_sql_assist_disabled: ::core::option::Option<bool>,
        /// Number of preview rows query should return in the UI.
        pub query_preview_rows: ::core::option::Option<i64>,
    }
    impl ::civis::__private::serde::Serialize for UserPreferencesPatchRequest {
        fn serialize<S: ::civis::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            let mut writer = ::civis::__private::record::FieldWriter::new(serializer)?;
            writer.field("app_index_order_field", &self.app_index_order_field)?;
            writer.field("app_index_order_dir", &self.app_index_order_dir)?;
            writer.field("result_index_order_field", &self.result_index_order_field)?;
            writer.field("result_index_order_dir", &self.result_index_order_dir)?;
            writer.field("result_index_type_filter", &self.result_index_type_filter)?;
            writer
                .field("result_index_author_filter", &self.result_index_author_filter)?;
            writer
                .field(
                    "result_index_archived_filter",
                    &self.result_index_archived_filter,
                )?;
            writer.field("import_index_order_field", &self.import_index_order_field)?;
            writer.field("import_index_order_dir", &self.import_index_order_dir)?;
            writer.field("import_index_type_filter", &self.import_index_type_filter)?;
            writer
                .field("import_index_author_filter", &self.import_index_author_filter)?;
            writer.field("import_index_dest_filter", &self.import_index_dest_filter)?;
            writer
                .field("import_index_status_filter", &self.import_index_status_filter)?;
            writer
                .field(
                    "import_index_archived_filter",
                    &self.import_index_archived_filter,
                )?;
            writer.field("export_index_order_field", &self.export_index_order_field)?;
            writer.field("export_index_order_dir", &self.export_index_order_dir)?;
            writer.field("export_index_type_filter", &self.export_index_type_filter)?;
            writer
                .field("export_index_author_filter", &self.export_index_author_filter)?;
            writer
                .field("export_index_status_filter", &self.export_index_status_filter)?;
            writer.field("model_index_order_field", &self.model_index_order_field)?;
            writer.field("model_index_order_dir", &self.model_index_order_dir)?;
            writer.field("model_index_author_filter", &self.model_index_author_filter)?;
            writer.field("model_index_status_filter", &self.model_index_status_filter)?;
            writer
                .field(
                    "model_index_archived_filter",
                    &self.model_index_archived_filter,
                )?;
            writer
                .field("model_index_thumbnail_view", &self.model_index_thumbnail_view)?;
            writer.field("script_index_order_field", &self.script_index_order_field)?;
            writer.field("script_index_order_dir", &self.script_index_order_dir)?;
            writer.field("script_index_type_filter", &self.script_index_type_filter)?;
            writer
                .field("script_index_author_filter", &self.script_index_author_filter)?;
            writer
                .field("script_index_status_filter", &self.script_index_status_filter)?;
            writer
                .field(
                    "script_index_archived_filter",
                    &self.script_index_archived_filter,
                )?;
            writer.field("project_index_order_field", &self.project_index_order_field)?;
            writer.field("project_index_order_dir", &self.project_index_order_dir)?;
            writer
                .field(
                    "project_index_author_filter",
                    &self.project_index_author_filter,
                )?;
            writer
                .field(
                    "project_index_archived_filter",
                    &self.project_index_archived_filter,
                )?;
            writer
                .field(
                    "report_index_thumbnail_view",
                    &self.report_index_thumbnail_view,
                )?;
            writer
                .field("project_detail_order_field", &self.project_detail_order_field)?;
            writer.field("project_detail_order_dir", &self.project_detail_order_dir)?;
            writer
                .field(
                    "project_detail_author_filter",
                    &self.project_detail_author_filter,
                )?;
            writer
                .field("project_detail_type_filter", &self.project_detail_type_filter)?;
            writer
                .field(
                    "project_detail_archived_filter",
                    &self.project_detail_archived_filter,
                )?;
            writer
                .field(
                    "enhancement_index_order_field",
                    &self.enhancement_index_order_field,
                )?;
            writer
                .field(
                    "enhancement_index_order_dir",
                    &self.enhancement_index_order_dir,
                )?;
            writer
                .field(
                    "enhancement_index_author_filter",
                    &self.enhancement_index_author_filter,
                )?;
            writer
                .field(
                    "enhancement_index_archived_filter",
                    &self.enhancement_index_archived_filter,
                )?;
            writer.field("preferred_server_id", &self.preferred_server_id)?;
            writer.field("civis_explore_skip_intro", &self.civis_explore_skip_intro)?;
            writer
                .field(
                    "registration_index_order_field",
                    &self.registration_index_order_field,
                )?;
            writer
                .field(
                    "registration_index_order_dir",
                    &self.registration_index_order_dir,
                )?;
            writer
                .field(
                    "registration_index_status_filter",
                    &self.registration_index_status_filter,
                )?;
            writer.field("upgrade_requested", &self.upgrade_requested)?;
            writer.field("welcome_order_field", &self.welcome_order_field)?;
            writer.field("welcome_order_dir", &self.welcome_order_dir)?;
            writer.field("welcome_author_filter", &self.welcome_author_filter)?;
            writer.field("welcome_status_filter", &self.welcome_status_filter)?;
            writer.field("welcome_archived_filter", &self.welcome_archived_filter)?;
            writer.field("data_pane_width", &self.data_pane_width)?;
            writer.field("data_pane_collapsed", &self.data_pane_collapsed)?;
            writer.field("notebook_order_field", &self.notebook_order_field)?;
            writer.field("notebook_order_dir", &self.notebook_order_dir)?;
            writer.field("notebook_author_filter", &self.notebook_author_filter)?;
            writer.field("notebook_archived_filter", &self.notebook_archived_filter)?;
            writer.field("notebook_status_filter", &self.notebook_status_filter)?;
            writer
                .field("workflow_index_order_field", &self.workflow_index_order_field)?;
            writer.field("workflow_index_order_dir", &self.workflow_index_order_dir)?;
            writer
                .field(
                    "workflow_index_author_filter",
                    &self.workflow_index_author_filter,
                )?;
            writer
                .field(
                    "workflow_index_archived_filter",
                    &self.workflow_index_archived_filter,
                )?;
            writer.field("service_order_field", &self.service_order_field)?;
            writer.field("service_order_dir", &self.service_order_dir)?;
            writer.field("service_author_filter", &self.service_author_filter)?;
            writer.field("service_archived_filter", &self.service_archived_filter)?;
            writer.field("assume_role_history", &self.assume_role_history)?;
            writer
                .field(
                    "default_success_notifications_on",
                    &self.default_success_notifications_on,
                )?;
            writer
                .field(
                    "default_failure_notifications_on",
                    &self.default_failure_notifications_on,
                )?;
            writer.field("my_activity_metrics", &self.my_activity_metrics)?;
            writer
                .field(
                    "standard_sql_autocomplete_disabled",
                    &self.standard_sql_autocomplete_disabled,
                )?;
            writer.field("ai_sql_assist_disabled", &self.ai_sql_assist_disabled)?;
            writer.field("query_preview_rows", &self.query_preview_rows)?;
            writer.end()
        }
    }
    /// Spec definition `UserMeParamsPatchRequest`.
    pub struct UserMeParamsPatchRequest {
        /// A hash of user selected preferences. Values should be strings or null to indicate a key deletion.
        pub preferences: ::core::option::Option<UserPreferencesPatchRequest>,
        /// The date and time at which the user last checked their announcements.
        pub last_checked_announcements: ::core::option::Option<::std::string::String>,
    }
}
#[doc(hidden)]
static OPERATIONS: ::civis::__private::MethodTable = ::civis::__private::MethodTable::new(
    "0.1.0",
    r#"[
{"r":"imports","m":"post_files","v":"POST","p":"/imports/files","q":["schema","name","remote_host_id","credential_id"],"o":["max_errors","existing_table_rows","diststyle","distkey","sortkey1","sortkey2","column_delimiter","first_row_is_header","multipart","escaped","hidden"],"s":"Initate an import of a tabular file into the platform","a":[["schema","","B","S","The schema of the destination table."],["name","","B","S","The name of the destination table."],["remote_host_id","remoteHostId","B","I","The id of the destination database host."],["credential_id","credentialId","B","I","The id of the credentials to be used when performing the database import."],["max_errors","maxErrors","B","I","The maximum number of rows with errors to remove from the import before failing."],["existing_table_rows","existingTableRows","B","S","The behaviour if a table with the requested name already exists.  One of \"fail\", \"truncate\", \"append\", or \"drop\".Defaults to \"fail\"."],["diststyle","","B","S","The diststyle to use for the table. One of \"even\", \"all\", or \"key\"."],["distkey","","B","S","The column to use as the distkey for the table."],["sortkey1","","B","S","The column to use as the sort key for the table."],["sortkey2","","B","S","The second column in a compound sortkey for the table."],["column_delimiter","columnDelimiter","B","S","The column delimiter of the file. If column_delimiter is null or omitted, it will be auto-detected. Valid arguments are \"comma\", \"tab\", and \"pipe\"."],["first_row_is_header","firstRowIsHeader","B","B","A boolean value indicating whether or not the first row is a header row. If first_row_is_header is null or omitted, it will be auto-detected."],["multipart","","B","B","If true, the upload URI will require a `multipart/form-data` POST request. Defaults to false."],["escaped","","B","B","If true, escape quotes with a backslash; otherwise, escape quotes by double-quoting. Defaults to false."],["hidden","","B","B","The hidden status of the item."]]},
{"r":"scripts","m":"post_sql","v":"POST","p":"/scripts/sql","q":["name","sql","remote_host_id","credential_id"],"o":["parent_id","user_context","params","arguments","schedule","notifications","next_run_at","time_zone","hidden","target_project_id","csv_settings","running_as_id"],"s":"Create a SQL Script","a":[["name","","B","S","The name of the script."],["parent_id","parentId","B","I","The ID of the parent job that will trigger this script"],["user_context","userContext","B","S","\"runner\" or \"author\", who to execute the script as when run as a template."],["params","","B","A","A definition of the parameters this script accepts in the arguments field."],["arguments","","B","O","Parameter-value pairs to use when running this script. Only settable if this script has defined parameters."],["schedule","","B","O","The schedule of when this script will be run."],["notifications","","B","O","The notifications to send after the script is run."],["next_run_at","nextRunAt","B","S","The time of the next scheduled run."],["time_zone","timeZone","B","S","The time zone of this script."],["hidden","","B","B","The hidden status of the item."],["target_project_id","targetProjectId","B","I","Target project to which script outputs will be added."],["sql","","B","S","The raw SQL query for the script."],["remote_host_id","remoteHostId","B","I","The remote host ID that this script will connect to."],["credential_id","credentialId","B","I","The credential that this script will use."],["csv_settings","csvSettings","B","O","Parameters that determine the format of the generated file."],["running_as_id","runningAsId","B","I","The ID of the runner of this script."]]},
{"r":"tables","m":"get","v":"GET","p":"/tables/{id}","q":["id"],"o":[],"s":"Show basic table info","a":[["id","","P","I",""]]},
{"r":"tables","m":"list","v":"GET","p":"/tables","q":[],"o":["database_id","schema","name","search","table_tag_ids","credential_id","limit","page_num","order","order_dir"],"i":true,"s":"List tables","a":[["database_id","","Q","I","The ID of the database."],["schema","","Q","S","If specified, will be used to filter the tables returned. Substring matching is supported with \"%\" and \"*\" wildcards (e.g., \"schema=%census%\" will return both \"client_census.table\" and \"census_2010.table\")."],["name","","Q","S","If specified, will be used to filter the tables returned. Substring matching is supported with \"%\" and \"*\" wildcards (e.g., \"name=%table%\" will return both \"table1\" and \"my table\")."],["search","","Q","S","If specified, will be used to filter the tables returned. Will search across schema and name (in the full form schema.name) and will return any full name containing the search string."],["table_tag_ids","","Q","A","If specified, will be used to filter the tables returned. Will search across Table Tags and will return any tables that have one of the matching Table Tags."],["credential_id","","Q","I","If specified, will be used instead of the default credential to filter the tables returned."],["limit","","Q","I","Number of results to return. Defaults to 50. Maximum allowed is 1000."],["page_num","","Q","I","Page number of the results to return. Defaults to the first page, 1."],["order","","Q","S","The field on which to order the result set. Defaults to schema. Must be one of: schema, name, search, table_tag_ids, credential_id."],["order_dir","","Q","S","Direction in which to sort, either asc (ascending) or desc (descending) defaulting to asc."]]},
{"r":"tables","m":"patch","v":"PATCH","p":"/tables/{id}","q":["id"],"o":["ontology_mapping","description","primary_keys","last_modified_keys"],"s":"Update a table","a":[["id","","P","I","The ID of the table."],["ontology_mapping","ontologyMapping","B","O","The ontology-key to column-name mapping.  See /ontology for the list of valid ontology keys."],["description","","B","S","The user-defined description of the table."],["primary_keys","primaryKeys","B","A","A list of column(s) which together uniquely identify a row in the data.These columns must not contain NULL values."],["last_modified_keys","lastModifiedKeys","B","A","The columns indicating when a row was last modified."]]},
{"r":"tables","m":"post_refresh","v":"POST","p":"/tables/{id}/refresh","q":["id"],"o":[],"d":"Warning: The tables/:id/refresh endpoint is deprecated. Please use tables/scan from now on.","s":"Request a refresh for column and table statistics","a":[["id","","P","I",""]]},
{"r":"users","m":"get_me","v":"GET","p":"/users/me","q":[],"o":[],"s":"Show info about the logged-in user","a":[]},
{"r":"users","m":"list_me","v":"GET","p":"/users/me","q":[],"o":[],"d":"use `users().get_me()`: `list_me` is the legacy name of the same method, kept because civis-python still offers it","s":"Show info about the logged-in user","a":[]},
{"r":"users","m":"patch_me","v":"PATCH","p":"/users/me","q":[],"o":["preferences","last_checked_announcements"],"s":"Update info about the logged-in user","a":[["preferences","","B","O","A hash of user selected preferences. Values should be strings or null to indicate a key deletion."],["last_checked_announcements","lastCheckedAnnouncements","B","S","The date and time at which the user last checked their announcements."]]}
]"#,
);
/// The operation table, decoded once.
fn operations() -> &'static [::civis::methods::Operation] {
    OPERATIONS.get()
}
