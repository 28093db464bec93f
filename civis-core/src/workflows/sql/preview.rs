//! `preview(n)`: civis-python's `query_civis`, a query whose first rows the API keeps.

use serde::Serialize;
use serde_json::{json, Value};

use super::SqlBuilder;
use crate::data::error::Error;
use crate::data::response::Response;
use crate::data::run_state::from_job_run;
use crate::workflows::runs::{Run, Started};

/// The most rows a query keeps for preview (the API's limit, and civis-python's).
pub const MAX_PREVIEW_ROWS: u32 = 1000;

/// What [`SqlBuilder::preview`] returns: the query's columns and its first rows, and the whole
/// query as civis-python's `query_civis(..).result()` gives it.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let result = client.sql("select 1 as one, null as nothing", "redshift-general").preview(10)?;
/// assert_eq!(result.columns, ["one", "nothing"]);
/// assert_eq!(result.rows[0], [Some("1".to_string()), None]);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryResult {
    /// The query's id (`/queries/{id}`), which is also its job's id.
    pub query_id: i64,
    /// The id of the query's run.
    pub run_id: i64,
    /// The column names.
    pub columns: Vec<String>,
    /// The first rows, each value as text; SQL `NULL` is `None`.
    pub rows: Vec<Vec<Option<String>>>,
    /// The finished query as `GET /queries/{id}` answers it, snake_case (`state`, `sql`,
    /// `started_at`, `finished_at`, `result_columns`, `result_rows`, `error`, ...). Not
    /// serialized: the fields above are its summary.
    #[serde(skip)]
    pub query: Response,
}

impl SqlBuilder<'_> {
    /// Runs the statement as a query (`POST /queries` with `preview_rows: n`), waits for its
    /// run and returns its columns and first `n` rows (`GET /queries/{id}`): civis-python's
    /// `query_civis`. `n` is at most [`MAX_PREVIEW_ROWS`]; more is a usage error. For every
    /// row, use [`rows`](Self::rows). A failed query is
    /// [`Error::JobFailed`](crate::Error::JobFailed) with the database's error text.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let result = client.sql("select * from users", "redshift-general").preview(100)?;
    /// println!("{}", result.columns.join(" | "));
    /// for row in &result.rows {
    ///     let cells: Vec<&str> = row.iter().map(|v| v.as_deref().unwrap_or("")).collect();
    ///     println!("{}", cells.join(" | "));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn preview(self, n: u32) -> Result<QueryResult, Error> {
        self.start_preview(n)?.wait()
    }

    /// [`preview`](Self::preview), started without waiting: civis-python's `query_civis`,
    /// whose future this is. The columns and rows come from [`Started::wait`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let query = client.sql("select count(*) from users", 32).start_preview(1)?;
    /// let result = query.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn start_preview(self, n: u32) -> Result<Started<QueryResult>, Error> {
        self.check()?;
        if let Some(script) = &self.script {
            return Err(Error::Usage(format!(
                "a preview is a query (POST /queries), not a run of SQL script {}: read its result with .rows()",
                script.id
            )));
        }
        if !self.params_arguments.is_empty() {
            return Err(Error::Usage(
                "a preview is a query (POST /queries), which takes no SQL parameters: put the values in the SQL, or export with .rows()".into(),
            ));
        }
        if n > MAX_PREVIEW_ROWS {
            return Err(Error::Usage(format!(
                "a query keeps at most {MAX_PREVIEW_ROWS} rows for preview, not {n}: export the rest with .rows() or .to_csv(..)"
            )));
        }
        let (database, credential) = self.database_and_credential()?;
        let body = json!({
            "database": database,
            "sql": self.sql,
            "preview_rows": n,
            "credential": credential,
            "hidden": self.hidden,
        });
        let query: Value = self.client.send_json("POST", "/queries", body)?;
        let query_id = number(&query, "id").ok_or_else(|| no_field("POST", "/queries", "id"))?;
        let run_id = match number(&query, "lastRunId") {
            Some(run_id) => run_id,
            // The run may be made after the answer; the query says so once it is.
            None => {
                let query: Value = self.client.get_json(&query_path(query_id), &[])?;
                number(&query, "lastRunId")
                    .ok_or_else(|| no_field("GET", &query_path(query_id), "lastRunId"))?
            }
        };
        let mut run = Run::started(self.client, query_id, run_id);
        if let Some(polling) = self.polling {
            run = run.polling(polling);
        }
        log::info!("{} query started", from_job_run(query_id, run_id));
        Ok(Started::new(run, move |run, _| {
            let done = run.client().get_response(&query_path(query_id))?;
            Ok(query_result(query_id, run_id, done))
        }))
    }
}

/// `/queries/{id}`.
fn query_path(id: i64) -> String {
    format!("/queries/{id}")
}

/// The columns and rows of finished query `query_id`, from its `GET /queries/{id}`.
fn query_result(query_id: i64, run_id: i64, done: Response) -> QueryResult {
    let columns = match done.get("result_columns") {
        Some(Value::Array(columns)) => columns.iter().map(cell).collect(),
        _ => Vec::new(),
    };
    let rows = match done.get("result_rows") {
        Some(Value::Array(rows)) => rows
            .iter()
            .map(|row| match row {
                Value::Array(values) => values.iter().map(cell).collect(),
                other => vec![cell(other)],
            })
            .collect(),
        _ => Vec::new(),
    };
    QueryResult {
        query_id,
        run_id,
        columns: columns
            .into_iter()
            .map(|c: Option<String>| c.unwrap_or_default())
            .collect(),
        rows,
        query: done,
    }
}

fn number(answer: &Value, key: &str) -> Option<i64> {
    answer.get(key).and_then(Value::as_i64)
}

fn no_field(method: &str, path: &str, field: &str) -> Error {
    Error::Decode {
        method: method.to_string(),
        path: path.to_string(),
        detail: format!("the answer has no integer `{field}`"),
        snippet: String::new(),
    }
}

/// A value of a result row as text: the API sends strings, but a number or boolean is kept as
/// its JSON text rather than refused.
fn cell(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}
