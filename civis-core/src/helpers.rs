//! civis-python's id-lookup helpers and identity properties (`get_database_id`, `username`, ...)
//! on every client. A name is looked up with the same request and filters as civis-python; an
//! integer passes through without a request; each answer is memoised per client, so a second
//! lookup of the same name makes no request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use crate::client::Client;
use crate::error::Error;
use crate::request::get_request;
use crate::response::Response;

/// A database, credential or storage host given by name or by id.
///
/// Made from `&str`, `String` and the integer types, so helpers take either:
/// `client.get_database_id("redshift-general")`, `client.get_database_id(32)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NameOrId {
    /// A name to look up.
    Name(String),
    /// An id, used as it is.
    Id(i128),
}

impl From<&str> for NameOrId {
    fn from(name: &str) -> Self {
        Self::Name(name.to_string())
    }
}

impl From<String> for NameOrId {
    fn from(name: String) -> Self {
        Self::Name(name)
    }
}

impl From<&String> for NameOrId {
    fn from(name: &String) -> Self {
        Self::Name(name.clone())
    }
}

macro_rules! ids_from_integers {
    ($($int:ty),*) => {$(
        impl From<$int> for NameOrId {
            fn from(id: $int) -> Self {
                // i128 holds every integer type losslessly except u128, whose ids beyond
                // i64 are rejected on use anyway.
                Self::Id(i128::try_from(id).unwrap_or(i128::MAX))
            }
        }
    )*};
}

ids_from_integers!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl NameOrId {
    /// The id, when this is one within the API's range.
    fn id(&self) -> Option<Result<i64, Error>> {
        match self {
            Self::Id(id) => Some(
                i64::try_from(*id)
                    .map_err(|_| Error::Usage(format!("{id} is not a valid Civis id"))),
            ),
            Self::Name(_) => None,
        }
    }

    fn describe(&self) -> String {
        match self {
            Self::Name(name) => name.clone(),
            Self::Id(id) => id.to_string(),
        }
    }
}

/// Memoised helper answers, keyed by helper and arguments. Each key has its own slot, so that
/// threads asking for the same name at once make one request between them (the first asks,
/// the others wait for its answer) while lookups of other names go on in parallel.
#[derive(Debug, Default)]
pub(crate) struct Lookups {
    slots: Mutex<HashMap<String, Arc<Mutex<Option<Value>>>>>,
}

const AWS_CREDENTIAL_TYPE: &str = "Amazon Web Services S3";

impl Client {
    /// The answer memoised under `key`, or `compute`'s, memoised when it succeeds (a failure is
    /// not remembered: the next lookup asks again).
    fn memoised<T>(
        &self,
        key: String,
        compute: impl FnOnce() -> Result<T, Error>,
    ) -> Result<T, Error>
    where
        T: serde::Serialize + serde::de::DeserializeOwned,
    {
        let slot = self
            .lookups()
            .slots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(key)
            .or_default()
            .clone();
        let mut answer = slot.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(value) = answer
            .as_ref()
            .and_then(|a| serde_json::from_value(a.clone()).ok())
        {
            return Ok(value);
        }
        let value = compute()?;
        *answer = serde_json::to_value(&value).ok();
        Ok(value)
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
    /// # fn main() -> Result<(), civis_core::Error> {
    /// # let client = civis_core::Client::new()?;
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
            first_id(find(&databases, &[("name", json!(name))]))
                .ok_or_else(|| Error::NotFound(format!("Database {name} not found.")))
        })
    }

    /// The id of a table given as `"schema.table"` (either part may be double-quoted:
    /// `"\"schema.has.periods\".bar"`) in a database given by name or id; the first match of
    /// `GET /tables?database_id=..&schema=..&name=..`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), civis_core::Error> {
    /// # let client = civis_core::Client::new()?;
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
                ("schema", schema.map_or(Value::Null, Value::from)),
                ("name", json!(name)),
            ];
            let tables = self.list("/tables", &query)?;
            first_id(tables.iter().collect()).ok_or_else(|| {
                Error::NotFound(format!(
                    "No tables found for {table} in database {described}"
                ))
            })
        })
    }

    /// The id of the AWS credential called `cred` (`GET /credentials?type=Amazon Web Services S3`),
    /// owned by `owner` when given. Several matches and no owner: those of the current user;
    /// still several: the first, with a warning in the log. An id passes through.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), civis_core::Error> {
    /// # let client = civis_core::Client::new()?;
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
    /// # fn main() -> Result<(), civis_core::Error> {
    /// # let client = civis_core::Client::new()?;
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
    /// # fn main() -> Result<(), civis_core::Error> {
    /// # let client = civis_core::Client::new()?;
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
    /// # fn main() -> Result<(), civis_core::Error> {
    /// # let client = civis_core::Client::new()?;
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

/// civis-python's `split_schema_tablename`: `schema.table` read as one CSV record with `.` as
/// the delimiter and `"` as the quote (`""` inside quotes is a literal quote).
pub fn split_schema_tablename(table: &str) -> Result<(Option<String>, String), Error> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    let mut chars = table.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(part) = parts.last_mut() {
                    part.push('"');
                }
            }
            '"' if quoted => quoted = false,
            '"' if at_field_start => quoted = true,
            '.' if !quoted => {
                parts.push(String::new());
                at_field_start = true;
                continue;
            }
            other => {
                if let Some(part) = parts.last_mut() {
                    part.push(other);
                }
            }
        }
        at_field_start = false;
    }
    match parts.len() {
        1 => Ok((None, parts.remove(0))),
        2 => {
            let name = parts.remove(1);
            Ok((Some(parts.remove(0)), name))
        }
        _ => Err(Error::Usage(format!(
            "Cannot parse schema and table. Does '{table}' follow the pattern 'schema.table'?"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_and_table_split_like_the_csv_reader() {
        let split = |t: &str| split_schema_tablename(t).unwrap();
        assert_eq!(split("foo.bar"), (Some("foo".into()), "bar".into()));
        assert_eq!(split("bar"), (None, "bar".into()));
        assert_eq!(
            split("\"schema.has.periods\".bar"),
            (Some("schema.has.periods".into()), "bar".into())
        );
        assert_eq!(
            split("foo.\"tab.le\""),
            (Some("foo".into()), "tab.le".into())
        );
        assert_eq!(split("\"a\"\"b\".c"), (Some("a\"b".into()), "c".into()));
        assert!(split_schema_tablename("a.b.c").is_err());
    }

    #[test]
    fn ids_come_from_every_integer_type() {
        assert_eq!(NameOrId::from(32u8), NameOrId::Id(32));
        assert_eq!(NameOrId::from(-1i64).id().unwrap().unwrap(), -1);
        assert!(NameOrId::from(u64::MAX).id().unwrap().is_err());
        assert_eq!(NameOrId::from("x"), NameOrId::Name("x".into()));
    }
}
