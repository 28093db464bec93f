//! civis-python's id-lookup helpers and identity properties (`get_database_id`, `username`, ...)
//! on every client. A name is looked up with the same request and filters as civis-python; an
//! integer passes through without a request; each answer is memoised per client, so a second
//! lookup of the same name makes no request.

use serde_json::{json, Value};

use crate::data::error::Error;
use crate::data::names::{split_schema_tablename, NameOrId};
use crate::data::response::Response;
use crate::transport::client::Client;
use crate::transport::request::get_request;

const AWS_CREDENTIAL_TYPE: &str = "Amazon Web Services S3";

impl Client {
    /// The answer memoised under `key` in this client's memo, or `compute`'s (see
    /// [`Memo::get_or_compute`]).
    fn memoised<T>(
        &self,
        key: String,
        compute: impl FnOnce() -> Result<T, Error>,
    ) -> Result<T, Error>
    where
        T: serde::Serialize + serde::de::DeserializeOwned,
    {
        self.memo().get_or_compute(key, compute)
    }

    /// A GET whose answer is a list, as dynamic snake_case objects.
    fn list(&self, path: &str, query: &[(&str, Value)]) -> Result<Vec<Value>, Error> {
        let request = get_request(path, query);
        let raw = self.execute(&request)?;
        let response = Response::from_raw(raw, request.verb, &request.path_and_query)?;
        match response.into_json() {
            Value::Array(items) => Ok(items),
            other => Err(Error::Decode {
                method: request.verb.into(),
                path: request.path_and_query,
                detail: "expected a list".into(),
                snippet: other.to_string().chars().take(200).collect(),
            }),
        }
    }

    /// The id of the database called `database` (`GET /databases`, exact name match); an id
    /// passes through.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let id = client.get_database_id("redshift-general")?;
    /// assert_eq!(client.get_database_id(32)?, 32);
    /// # Ok(()) }
    /// ```
    pub fn get_database_id(&self, database: impl Into<NameOrId>) -> Result<i64, Error> {
        let database = database.into();
        if let Some(id) = database.id() {
            return id;
        }
        let name = database.describe();
        self.memoised(format!("database\0{name}"), || {
            let databases = self.list("/databases", &[])?;
            first_id(find(&databases, &[("name", json!(name))])).ok_or_else(|| {
                let known = names_of(&databases, |d| {
                    d.get("name").and_then(Value::as_str).map(str::to_string)
                });
                Error::NotFound(format!(
                    "Database {name} not found{}.",
                    suggestion(&name, &known)
                ))
            })
        })
    }

    /// The id of a table given as `"schema.table"` (either part may be double-quoted:
    /// `"\"schema.has.periods\".bar"`) in a database given by name or id; the first match of
    /// `GET /tables?database_id=..&schema=..&name=..`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let id = client.get_table_id("foo.bar", "redshift-general")?;
    /// let id = client.get_table_id("\"schema.has.periods\".bar", 32)?;
    /// # Ok(()) }
    /// ```
    pub fn get_table_id(&self, table: &str, database: impl Into<NameOrId>) -> Result<i64, Error> {
        let database = database.into();
        let described = database.describe();
        self.memoised(format!("table\0{table}\0{described}"), || {
            let database_id = self.get_database_id(database)?;
            let (schema, name) = split_schema_tablename(table)?;
            let query = [
                ("database_id", json!(database_id)),
                ("schema", schema.clone().map_or(Value::Null, Value::from)),
                ("name", json!(name)),
            ];
            let tables = self.list("/tables", &query)?;
            match first_id(tables.iter().collect()) {
                Some(id) => Ok(id),
                None => {
                    let known = self.table_names(database_id, schema.as_deref());
                    Err(Error::NotFound(format!(
                        "No tables found for {table} in database {described}{}",
                        suggestion(table, &known)
                    )))
                }
            }
        })
    }

    /// The id of the AWS credential called `cred` (`GET /credentials?type=Amazon Web Services S3`),
    /// owned by `owner` when given. Several matches and no owner: those of the current user;
    /// still several: the first, with a warning in the log. An id passes through.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let id = client.get_aws_credential_id("jsmith", None)?;
    /// let id = client.get_aws_credential_id("shared-cred", Some("research-group"))?;
    /// assert_eq!(client.get_aws_credential_id(1111, None)?, 1111);
    /// # Ok(()) }
    /// ```
    pub fn get_aws_credential_id(
        &self,
        cred: impl Into<NameOrId>,
        owner: Option<&str>,
    ) -> Result<i64, Error> {
        let cred = cred.into();
        if let Some(id) = cred.id() {
            return id;
        }
        let name = cred.describe();
        self.memoised(format!("aws\0{name}\0{}", owner.unwrap_or("\0")), || {
            let creds = self.list("/credentials", &[("type", json!(AWS_CREDENTIAL_TYPE))])?;
            let mut matches = find(&creds, &[("name", json!(name))]);
            if let Some(owner) = owner {
                matches.retain(|c| c.get("owner") == Some(&json!(owner)));
            }
            if matches.is_empty() {
                let owned = owner.map(|o| format!(" owned by {o}")).unwrap_or_default();
                return Err(Error::NotFound(format!(
                    "AWS credential ID for {name}{owned} cannot be found"
                )));
            }
            let mut owner = owner.map(str::to_string);
            if matches.len() > 1 && owner.is_none() {
                let me = self.username()?;
                let mine: Vec<&Value> = matches
                    .iter()
                    .copied()
                    .filter(|c| c.get("owner") == Some(&json!(me)))
                    .collect();
                // civis-python fails when none of them is the user's; keep them all instead.
                if !mine.is_empty() {
                    matches = mine;
                }
                owner = Some(me);
            }
            if matches.len() > 1 {
                log::warn!(
                    "Found {} AWS credentials with name {name} and owner {}. Returning the first.",
                    matches.len(),
                    owner.as_deref().unwrap_or("None")
                );
            }
            first_id(matches)
                .ok_or_else(|| Error::NotFound(format!("AWS credential {name} has no id")))
        })
    }

    /// The id of the database credential with `username` on a database given by name or id
    /// (`GET /credentials?type=Database`, filtered by `username` and `remote_host_id` or
    /// `remote_host_name`). An id passes through.
    #[deprecated(
        note = "deprecated in civis-python 2.4.0: there is no reliable way to get a database \
                credential ID from a username and database name; consider \
                `default_database_credential_id`"
    )]
    pub fn get_database_credential_id(
        &self,
        username: impl Into<NameOrId>,
        database: impl Into<NameOrId>,
    ) -> Result<i64, Error> {
        let username = username.into();
        if let Some(id) = username.id() {
            return id;
        }
        let (username, database) = (username.describe(), database.into());
        let host_filter = match &database {
            NameOrId::Id(id) => ("remote_host_id", json!(id)),
            NameOrId::Name(name) => ("remote_host_name", json!(name)),
        };
        self.memoised(
            format!("db credential\0{username}\0{}", database.describe()),
            || {
                let creds = self.list("/credentials", &[("type", json!("Database"))])?;
                first_id(find(
                    &creds,
                    &[("username", json!(username)), host_filter.clone()],
                ))
                .ok_or_else(|| {
                    Error::NotFound(format!(
                        "Credential ID for {username} on {} not found.",
                        database.describe()
                    ))
                })
            },
        )
    }

    /// The id of the storage host called `host` (`GET /storage_hosts`, exact name match); an id
    /// passes through.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let id = client.get_storage_host_id("test host")?;
    /// # Ok(()) }
    /// ```
    pub fn get_storage_host_id(&self, host: impl Into<NameOrId>) -> Result<i64, Error> {
        let host = host.into();
        if let Some(id) = host.id() {
            return id;
        }
        let name = host.describe();
        self.memoised(format!("storage host\0{name}"), || {
            let hosts = self.list("/storage_hosts", &[])?;
            first_id(find(&hosts, &[("name", json!(name))]))
                .ok_or_else(|| Error::NotFound(format!("Storage Host {name} not found.")))
        })
    }

    /// The current user's username (`GET /users/me`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// println!("logged in as {}", client.username()?);
    /// # Ok(()) }
    /// ```
    pub fn username(&self) -> Result<String, Error> {
        self.memoised("username".to_string(), || {
            let request = get_request("/users/me", &[]);
            let raw = self.execute(&request)?;
            let me = Response::from_raw(raw, request.verb, &request.path_and_query)?;
            me.get("username")
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| Error::NotFound("GET /users/me returned no username".to_string()))
        })
    }

    /// The id of the current user's default credential (`GET /credentials?default=True`), or
    /// `None`.
    #[deprecated(note = "deprecated in civis-python 2.4.0: use `default_database_credential_id`")]
    pub fn default_credential(&self) -> Result<Option<i64>, Error> {
        self.memoised("default credential".to_string(), || {
            Ok(first_id(
                self.list("/credentials", &[("default", json!(true))])?
                    .iter()
                    .collect(),
            ))
        })
    }

    /// The id of the current user's default database credential
    /// (`GET /credentials?default=True&type=Database`), or `None`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// if let Some(id) = client.default_database_credential_id()? {
    ///     println!("default database credential: {id}");
    /// }
    /// # Ok(()) }
    /// ```
    pub fn default_database_credential_id(&self) -> Result<Option<i64>, Error> {
        self.memoised("default database credential".to_string(), || {
            let query = [("default", json!(true)), ("type", json!("Database"))];
            Ok(first_id(
                self.list("/credentials", &query)?.iter().collect(),
            ))
        })
    }
}

impl Client {
    /// The `schema.table` names of database `database_id` to suggest a misspelt table from:
    /// those of `schema` when it has any, else of every schema (one page of up to 1,000 each);
    /// none when the listing fails, as a suggestion is not worth an error of its own.
    fn table_names(&self, database_id: i64, schema: Option<&str>) -> Vec<String> {
        let listed = |schema: Option<&str>| {
            let mut query = vec![("database_id", json!(database_id)), ("limit", json!(1000))];
            if let Some(schema) = schema {
                query.push(("schema", json!(schema)));
            }
            let tables = self.list("/tables", &query).unwrap_or_default();
            names_of(&tables, |t| {
                let name = t.get("name").and_then(Value::as_str)?;
                Some(match t.get("schema").and_then(Value::as_str) {
                    Some(schema) => format!("{schema}.{name}"),
                    None => name.to_string(),
                })
            })
        };
        let in_schema = schema
            .map(|schema| listed(Some(schema)))
            .unwrap_or_default();
        if in_schema.is_empty() {
            listed(None)
        } else {
            in_schema
        }
    }
}

/// The names `name_of` reads from `objects`.
fn names_of(objects: &[Value], name_of: impl Fn(&Value) -> Option<String>) -> Vec<String> {
    objects.iter().filter_map(name_of).collect()
}

/// ` (did you mean `x`?)` for the known name closest to `name`, or nothing.
fn suggestion(name: &str, known: &[String]) -> String {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    crate::data::suggest::did_you_mean(name, &known)
}

/// civis-python's `find`: the objects whose every listed key equals the given value.
fn find<'v>(objects: &'v [Value], filters: &[(&str, Value)]) -> Vec<&'v Value> {
    objects
        .iter()
        .filter(|o| {
            filters
                .iter()
                .all(|(key, value)| o.get(*key) == Some(value))
        })
        .collect()
}

fn first_id(objects: Vec<&Value>) -> Option<i64> {
    objects
        .first()
        .and_then(|o| o.get("id"))
        .and_then(Value::as_i64)
}
