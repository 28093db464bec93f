//! Saved SQL scripts (`/scripts/sql/{id}`) run and read like SQL given here: civis-r's
//! `query_civis(id)`, `read_civis(civis_script(id))` and `download_civis(id)`. Only the start
//! of the export differs ([`SqlBuilder::export_source`]); every ending is `client.sql(..)`'s.

use serde_json::{json, Map, Value};

use super::{SavedScript, SqlBuilder};
use crate::data::error::Error;
use crate::transport::client::Client;

/// What the export script is made from: its SQL, database, credential, and `params` and
/// `arguments` when it has any.
pub(super) struct ExportSource {
    pub(super) sql: String,
    pub(super) database: i64,
    pub(super) credential: Value,
    pub(super) params_arguments: Map<String, Value>,
    /// A saved script that may run as it is (nothing overridden), and its `csv_settings`: it
    /// does when they are those the ending asks for.
    pub(super) as_saved: Option<(i64, Value)>,
}

impl Client {
    /// The saved SQL script `script_id` (`/scripts/sql/{id}`), to run and read as
    /// [`Client::sql`]'s statements are: every ending of [`SqlBuilder`] applies
    /// ([`rows`](SqlBuilder::rows), [`rows_as`](SqlBuilder::rows_as),
    /// [`to_csv`](SqlBuilder::to_csv), [`to_civis_file`](SqlBuilder::to_civis_file),
    /// [`unload`](SqlBuilder::unload), Arrow batches, DataFrames and their `start_*` forms),
    /// with the builder's CSV settings. Its parameters keep their saved values unless
    /// [`arg`](SqlBuilder::arg) overrides them. civis-r's `query_civis(id)` and
    /// `read_civis(civis_script(id))`; civis-python has no such call (its issue #335).
    ///
    /// How it runs, and the saved script is never changed: `GET /scripts/sql/{id}` first (its
    /// SQL, database, credential, parameters and CSV settings). When no
    /// [`arg`](SqlBuilder::arg) or [`credential`](SqlBuilder::credential) overrides it and its
    /// saved CSV settings are those the ending asks for (the local endings ask for the API's
    /// defaults: gzip, comma, header; mind [`delimiter`](SqlBuilder::delimiter) and the other
    /// settings), the script itself runs (`POST /scripts/sql/{id}/runs`, its run listed in its
    /// history): two requests before the run is polled. Otherwise its SQL runs in one hidden
    /// export script made from it (`POST /scripts/sql` with its parameters and their values,
    /// the overrides applied, and this builder's CSV settings) and that script's run, as
    /// `client.sql(..)` makes: three requests. Civis's run endpoint takes no argument values,
    /// so running the saved script itself with others would mean patching it for everyone who
    /// runs it, which this never does. The database and credential are the saved script's.
    /// Typed results infer their column types from the data (the SQL is not known until the
    /// run starts). [`preview`](SqlBuilder::preview) runs queries, not scripts, and refuses.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for record in client.sql_script(1234).arg("region", "north").rows()? {
    ///     let record = record?;
    /// }
    /// client.sql_script(1234).to_csv("report.csv")?;
    /// let file_id = client.sql_script(1234).to_civis_file()?;
    /// # Ok(()) }
    /// ```
    pub fn sql_script(&self, script_id: i64) -> SqlBuilder<'_> {
        // The database argument is unused: the script has its own.
        let mut builder = self.sql(String::new(), None);
        builder.script = Some(SavedScript {
            id: script_id,
            args: Map::new(),
        });
        builder
    }
}

impl SqlBuilder<'_> {
    /// The value of the saved script's parameter `name` for this run, over its saved value
    /// ([`Client::sql_script`] only: the SQL given to [`Client::sql`] declares its parameters
    /// with [`param`](Self::param)). A name the script does not define is a usage error,
    /// listing those it does, before the export script is made. Text given for a parameter of
    /// type `integer`, `float` or `bool` is read as one (`.arg("year", "2026")`, as a command
    /// line gives it), and text that does not read so is a usage error.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.sql_script(1234).arg("year", 2026).arg("region", "north").rows()?;
    /// # Ok(()) }
    /// ```
    pub fn arg(mut self, name: &str, value: impl Into<Value>) -> Self {
        match &mut self.script {
            Some(script) => {
                script.args.insert(name.to_string(), value.into());
            }
            None => {
                self.refused = Some(format!(
                    "arg({name:?}, ..) sets a parameter of a saved script (client.sql_script(id)); SQL given here declares its parameters with param(name, type, value)"
                ));
            }
        }
        self
    }

    /// Refuses what a saved script does not take: parameters declared here (its own are
    /// saved with it).
    pub(super) fn check_script(&self) -> Result<(), Error> {
        match &self.script {
            Some(script) if !self.params_arguments.is_empty() => Err(Error::Usage(format!(
                "SQL script {} declares its own parameters: set their values with arg(name, value), not param or sql_params_arguments",
                script.id
            ))),
            _ => Ok(()),
        }
    }

    /// What the export script is made from: the SQL given here, on the database given (or
    /// the default); or a saved script's SQL, database, credential and parameters, its
    /// arguments overridden by [`arg`](Self::arg).
    pub(super) fn export_source(&self) -> Result<ExportSource, Error> {
        let Some(script) = &self.script else {
            let (database, credential) = self.database_and_credential()?;
            return Ok(ExportSource {
                sql: self.sql.clone(),
                database,
                credential,
                params_arguments: self.params_arguments.clone(),
                as_saved: None,
            });
        };
        let path = format!("/scripts/sql/{}", script.id);
        let saved: Value = self.client.get_json(&path, &[])?;
        let field = |snake: &str, camel: &str| {
            saved
                .get(snake)
                .or_else(|| saved.get(camel))
                .filter(|v| !v.is_null())
                .cloned()
        };
        let decoding = |detail: &str| Error::Decode {
            method: "GET".to_string(),
            path: path.clone(),
            detail: detail.to_string(),
            snippet: saved.to_string().chars().take(200).collect(),
        };
        let sql = field("sql", "sql")
            .and_then(|v| v.as_str().map(str::to_string))
            .ok_or_else(|| decoding("the SQL script has no `sql`"))?;
        let database = field("remote_host_id", "remoteHostId")
            .and_then(|v| v.as_i64())
            .ok_or_else(|| decoding("the SQL script has no `remote_host_id`"))?;
        let saved_credential = field("credential_id", "credentialId").unwrap_or(Value::Null);
        let credential = match self.credential {
            Some(id) => json!(id),
            None => saved_credential.clone(),
        };
        let as_saved = (script.args.is_empty() && credential == saved_credential).then(|| {
            let settings = field("csv_settings", "csvSettings").unwrap_or(json!({}));
            (script.id, settings)
        });
        let params = match field("params", "params") {
            Some(Value::Array(params)) => params,
            _ => Vec::new(),
        };
        let names: Vec<&str> = params.iter().filter_map(|p| p["name"].as_str()).collect();
        if let Some(unknown) = script.args.keys().find(|k| !names.contains(&k.as_str())) {
            let defined = if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            };
            return Err(Error::Usage(format!(
                "SQL script {} has no parameter {unknown:?} (its parameters: {defined})",
                script.id
            )));
        }
        let mut arguments = match field("arguments", "arguments") {
            Some(Value::Object(arguments)) => arguments,
            _ => Map::new(),
        };
        for (name, value) in &script.args {
            let declared = params
                .iter()
                .find(|p| p["name"] == name.as_str())
                .and_then(|p| p["type"].as_str())
                .unwrap_or_default();
            arguments.insert(
                name.clone(),
                typed_argument(script.id, name, declared, value)?,
            );
        }
        let mut params_arguments = Map::new();
        if !params.is_empty() {
            params_arguments.insert("params".to_string(), Value::Array(params));
            params_arguments.insert("arguments".to_string(), Value::Object(arguments));
        }
        // The saved SQL is known only now: `read_only()` checks it before the run starts.
        #[cfg(feature = "read-only")]
        if self.read_only {
            super::read_only::refuse_unless_single_read(&sql, &params_arguments)?;
        }
        log::debug!(
            "SQL script {} read: database {database}, {} parameter value(s) overridden",
            script.id,
            script.args.len()
        );
        Ok(ExportSource {
            sql,
            database,
            credential,
            params_arguments,
            as_saved,
        })
    }
}

/// `value` as the parameter's declared type wants it: text for an `integer`, `float` or `bool`
/// parameter read as one; any other value as it is.
fn typed_argument(script: i64, name: &str, declared: &str, value: &Value) -> Result<Value, Error> {
    let Value::String(text) = value else {
        return Ok(value.clone());
    };
    let trimmed = text.trim();
    let read = match declared {
        "integer" => trimmed.parse::<i64>().ok().map(Value::from),
        "float" => trimmed.parse::<f64>().ok().map(Value::from),
        "bool" => match trimmed.to_ascii_lowercase().as_str() {
            "true" | "t" | "1" => Some(Value::Bool(true)),
            "false" | "f" | "0" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => return Ok(value.clone()),
    };
    read.ok_or_else(|| {
        Error::Usage(format!(
            "parameter {name:?} of SQL script {script} is of type {declared}, which {text:?} is not"
        ))
    })
}
