//! The read-only guard of SQL builders (feature `read-only`): the statement, as it will run, is
//! parsed in Redshift's dialect and refused before any request unless it is a single read.

use serde_json::{Map, Value};

use super::SqlBuilder;
use crate::data::error::Error;
use crate::data::sql_parse::refuse_unless_read;

impl SqlBuilder<'_> {
    /// Refuses to run anything but a single read: one `select` (or `with ... select`, set
    /// operations included). When the statement ends, before any request, its SQL (with the
    /// values of its [`param`](Self::param)s pasted in, as Civis pastes them) is parsed in
    /// Redshift's dialect, and anything else is an [`Error::Usage`] naming what was found: a
    /// DML or DDL statement (`insert`, `update`, `delete`, `merge`, `create`, `drop`, `alter`,
    /// `truncate`...), `unload`, `copy`, `grant`, several statements, a `with` whose body
    /// changes data, `select ... into` (which creates a table), SQL that does not parse, or
    /// none at all. civis-python and civis-r have no such guard.
    ///
    /// Bounds: parsing is local and takes time linear in the SQL's length; nothing is sent for
    /// a refused statement. The guard reads the statement's form, not what the functions it
    /// calls do (a user-defined function that writes is a `select`): for a hard guarantee, run
    /// as a database credential that can only read ([`credential`](Self::credential)).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// # let sql_from_an_agent = String::new();
    /// let preview = client.sql("select count(*) from sales.orders", 32).read_only().preview(10)?;
    ///
    /// let refused = client.sql("select 1; delete from sales.orders", 32).read_only().preview(10);
    /// assert!(matches!(refused, Err(civis::Error::Usage(why)) if why.contains("2 statements")));
    /// # Ok(()) }
    /// ```
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// [`read_only`](Self::read_only)'s check, when it was asked for. A saved script's SQL is
    /// checked once it has been read, before its run starts (see `script.rs`).
    pub(super) fn check_read_only(&self) -> Result<(), Error> {
        if !self.read_only || self.script.is_some() {
            return Ok(());
        }
        refuse_unless_single_read(&self.sql, &self.params_arguments)
    }
}

/// The guard of [`SqlBuilder::read_only`] on `sql` with `params_arguments` (`{"params": [..],
/// "arguments": {..}}`): an [`Error::Usage`] naming what it found unless the SQL, as Civis runs
/// it, is a single read.
pub(super) fn refuse_unless_single_read(
    sql: &str,
    params_arguments: &Map<String, Value>,
) -> Result<(), Error> {
    let sql = sql_as_run(sql, params_arguments)?;
    refuse_unless_read(&sql).map_err(|why| {
        Error::Usage(format!(
            "read_only(): {why}; only a single `select` (or `with ... select`) runs"
        ))
    })
}

/// `sql` with the values of its parameters in place of their `{{name}}` (the arguments given,
/// else the parameters' defaults), as Civis runs it. A placeholder left without a value is an
/// error: the guard checks only what it can read whole.
fn sql_as_run(sql: &str, params_arguments: &Map<String, Value>) -> Result<String, Error> {
    let mut values = std::collections::HashMap::new();
    if let Some(Value::Array(params)) = params_arguments.get("params") {
        for param in params {
            if let (Some(Value::String(name)), Some(default)) =
                (param.get("name"), param.get("default"))
            {
                values.insert(name.clone(), default.clone());
            }
        }
    }
    if let Some(Value::Object(arguments)) = params_arguments.get("arguments") {
        for (name, value) in arguments {
            values.insert(name.clone(), value.clone());
        }
    }
    let mut run = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start..].find("}}") else {
            break;
        };
        let name = rest[start + 2..start + length].trim();
        let value = values.get(name).ok_or_else(|| {
            Error::Usage(format!(
                "read_only(): the SQL's parameter {{{{{name}}}}} has no value here, so the statement that would run cannot be checked"
            ))
        })?;
        run.push_str(&rest[..start]);
        match value {
            Value::String(text) => run.push_str(text),
            other => run.push_str(&other.to_string()),
        }
        rest = &rest[start + length + 2..];
    }
    run.push_str(rest);
    Ok(run)
}

#[cfg(test)]
mod tests {
    use crate::transport::client::Client;

    fn client() -> Client {
        Client::builder()
            .api_key("read-only-key")
            .base_url("http://127.0.0.1:9")
            .build()
            .expect("a client")
    }

    #[test]
    fn parameters_are_checked_with_their_values_in_place() {
        let client = client();
        let checked = |builder: super::SqlBuilder<'_>| builder.read_only().check_read_only();
        assert!(checked(
            client
                .sql("select * from t where y = {{year}}", 1)
                .param("year", "integer", 2026)
        )
        .is_ok());
        let error = checked(client.sql("select * from t where id = {{id}}", 1).param(
            "id",
            "string",
            "1; delete from t",
        ))
        .unwrap_err()
        .to_string();
        assert!(error.contains("2 statements"), "{error}");
        let error = checked(client.sql("select {{x}}", 1))
            .unwrap_err()
            .to_string();
        assert!(error.contains("{{x}} has no value"), "{error}");
        assert!(
            client.sql("delete from t", 1).check_read_only().is_ok(),
            "only when asked"
        );
    }
}
