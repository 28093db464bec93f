//! The database a SQL call runs on: the one given, or the client's default (civis-r's
//! `options(civis.default_db = ..)` and its fallback to the one database a user can see).

use serde_json::Value;

use crate::data::error::Error;
use crate::data::names::NameOrId;
use crate::transport::client::Client;
use crate::transport::request::get_request;

/// The database argument of the SQL calls ([`Client::sql`], [`Client::select_table`],
/// [`Client::select_columns`], [`Client::read_table`]): a name or an id as before, or `None`
/// for the client's default ([`Client::default_database`]).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// let client = civis::Client::builder().default_database("redshift-general").build()?;
/// let on_default = client.sql("select 1", None).rows()?;
/// let by_name = client.sql("select 1", "redshift-other").rows()?;
/// let by_id = client.sql("select 1", 32).rows()?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Database(Option<NameOrId>);

impl<T: Into<NameOrId>> From<T> for Database {
    fn from(database: T) -> Self {
        Self(Some(database.into()))
    }
}

impl From<Option<NameOrId>> for Database {
    fn from(database: Option<NameOrId>) -> Self {
        Self(database)
    }
}

impl Database {
    /// The database given, else the client's default.
    pub(crate) fn resolve(&self, client: &Client) -> Result<NameOrId, Error> {
        match &self.0 {
            Some(given) => Ok(given.clone()),
            None => client.default_database(),
        }
    }
}

impl Client {
    /// The database SQL runs on when a call gives none: the one set with
    /// [`ClientBuilder::default_database`](crate::ClientBuilder::default_database), else
    /// `CIVIS_DATABASE`, else, when the user can see exactly one database (`GET /databases`),
    /// that one (logged at `info`). With several visible and none set, an
    /// [`Error::Usage`] that lists them by name and id and says how to set one.
    ///
    /// Resolved once per client: the list is asked for at most once while it succeeds (a
    /// failure is not remembered), and a default set on the client sends nothing.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// let client = civis::Client::new()?;
    /// println!("SQL without a database runs on {:?}", client.default_database()?);
    /// # Ok(()) }
    /// ```
    pub fn default_database(&self) -> Result<NameOrId, Error> {
        if let Some(set) = self.config().default_database() {
            return Ok(set.clone());
        }
        let id: i64 = self
            .memo()
            .get_or_compute("sql default database".to_string(), || {
                let request = get_request("/databases", &[]);
                let databases: Value = self
                    .execute(&request)?
                    .json(request.verb, &request.path_and_query)?;
                let databases = databases.as_array().cloned().unwrap_or_default();
                let listed: Vec<(String, i64)> = databases
                    .iter()
                    .filter_map(|d| {
                        let id = d.get("id").and_then(Value::as_i64)?;
                        let name = d.get("name").and_then(Value::as_str).unwrap_or_default();
                        Some((name.to_string(), id))
                    })
                    .collect();
                match listed.as_slice() {
                    [(name, id)] => {
                        log::info!(
                            "no database given or set: using {name} (id {id}), the only one this user can see"
                        );
                        Ok(*id)
                    }
                    [] => Err(Error::Usage(
                        "no database given or set, and this user can see none (GET /databases is empty)"
                            .to_string(),
                    )),
                    several => {
                        let names: Vec<String> = several
                            .iter()
                            .map(|(name, id)| format!("{name} (id {id})"))
                            .collect();
                        Err(Error::Usage(format!(
                            "no database given or set, and this user can see {}: {}; give one to the call, or set a default with ClientBuilder::default_database(..) or CIVIS_DATABASE=<name or id>",
                            several.len(),
                            names.join(", ")
                        )))
                    }
                }
            })?;
        Ok(NameOrId::from(id))
    }
}
