//! SQL exports: a run of `POST /scripts/sql` writes its result as CSV (gzip in members,
//! multifile with a manifest) into the mock's storage.

use super::*;

/// `POST /scripts/sql` on a declared database: an export job, its SQL's parameters checked
/// (a 400 when they do not fit).
pub(crate) fn post_sql(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let database = number(body.get("remote_host_id"));
    if !simulation.database.known(database) {
        return None;
    }
    let sql = body.get("sql").and_then(Value::as_str).unwrap_or_default();
    let settings = match body.get("csv_settings") {
        Some(Value::Object(settings)) => settings.clone(),
        _ => Map::new(),
    };
    match simulation
        .database
        .new_sql_script(database.unwrap_or_default(), sql, settings, &body)
    {
        Ok(answer) => Some(Scripted::json(201, answer.to_string())),
        Err(error) => Some(bad_request(&error)),
    }
}

/// `GET /scripts/sql/{id}`: a SQL script as it was made (a saved one,
/// [`MockServer::sql_script`], or an export), with its `id`.
pub(crate) fn get_sql(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let job = params.number("id")?;
    let script = simulation.database.scripts.get(&job)?;
    Some(Scripted::json(200, script.to_string()))
}

impl MockServer {
    /// Saves a SQL script, as `POST /scripts/sql` with `body` would (its snake_case fields:
    /// `sql`, `remote_host_id` of a declared database, and optionally `name`, `credential_id`,
    /// `params`, `arguments`, `csv_settings`), and returns its id. `GET /scripts/sql/{id}`
    /// answers it, and a run of it (`POST /scripts/sql/{id}/runs`) writes its result as an
    /// export's. A body the API would refuse (an undeclared database, an argument for no
    /// parameter) is an [`Error::Value`].
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use civis_mock::{MockRows, MockServer};
    /// let mock = MockServer::scripted()?;
    /// mock.database(32, "redshift-general");
    /// mock.sql_returns("select * from t where n > 2", MockRows::new(["n"]).row([Some("3")]));
    /// let script = mock.sql_script(serde_json::json!({
    ///     "remote_host_id": 32,
    ///     "sql": "select * from t where n > {{least}}",
    ///     "params": [{"name": "least", "type": "integer", "default": 2}],
    /// }))?;
    /// # Ok(()) }
    /// ```
    pub fn sql_script(&self, body: Value) -> Result<i64, Error> {
        let Value::Object(body) = body else {
            return Err(Error::Value(format!(
                "a SQL script is an object, not {body}"
            )));
        };
        let mut state = lock(&self.state);
        let database = number(body.get("remote_host_id"));
        if !state.database.known(database) {
            return Err(Error::Value(format!(
                "the SQL script's remote_host_id {database:?} is not a declared database (MockServer::database)"
            )));
        }
        let sql = body.get("sql").and_then(Value::as_str).unwrap_or_default();
        let settings = match body.get("csv_settings") {
            Some(Value::Object(settings)) => settings.clone(),
            _ => Map::new(),
        };
        let answer = state
            .database
            .new_sql_script(database.unwrap_or_default(), sql, settings, &body)
            .map_err(Error::Value)?;
        Ok(answer["id"].as_i64().unwrap_or_default())
    }
}

impl Database {
    /// A SQL script made from `body` (its parameters checked): an export job, remembered for
    /// `GET /scripts/sql/{id}`; the answer of `POST /scripts/sql`.
    fn new_sql_script(
        &mut self,
        database: i64,
        sql: &str,
        settings: Map<String, Value>,
        body: &Map<String, Value>,
    ) -> Result<Value, String> {
        let params = ScriptParams::from_body(body)?;
        let job = self.new_job(DbJob::Export {
            database,
            sql: sql.to_string(),
            settings,
            params,
        });
        let mut answer = body.clone();
        answer.insert("id".into(), json!(job));
        answer.insert("type".into(), json!("JobTypes::SqlRunner"));
        let answer = Value::Object(answer);
        self.scripts.insert(job, answer.clone());
        Ok(answer)
    }
}

/// `POST /scripts/sql/{id}/runs` of an export job: the export is written, then its run starts.
pub(crate) fn post_sql_runs(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let job = params.number("id")?;
    simulation.database.jobs.get(&job)?;
    simulation
        .database
        .start(job, simulation.jobs, simulation.store);
    Some(simulation.jobs.start_run(job, 202, "sqlId"))
}

/// `GET /scripts/sql/{id}/runs/{run_id}` of an export job: the run as
/// `GET /jobs/{id}/runs/{run_id}` gives it, with the export's files as its `output` once it
/// succeeded.
pub(crate) fn get_sql_runs(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let job = params.number("id")?;
    let db = &*simulation.database;
    // A failed export has a run too, with no output.
    let output = match db.exports.get(&job) {
        Some(output) => output.clone(),
        None if matches!(db.jobs.get(&job), Some(DbJob::Export { .. })) => json!([]),
        None => return None,
    };
    let reply = crate::jobs::get_run::<crate::jobs::Job>(simulation, incoming, params)?;
    let mut run: Value = serde_json::from_str(&reply.body).ok()?;
    run["sqlId"] = json!(job);
    let over = run["state"] == "succeeded";
    run["output"] = if over { output } else { json!([]) };
    Some(Scripted::json(reply.status, run.to_string()))
}

impl Database {
    /// Writes the export of `sql` (its `{{name}}` parameters replaced by `arguments`) into
    /// storage; the run's outputs.
    pub(super) fn export(
        &mut self,
        job: i64,
        database: i64,
        sql: &str,
        settings: &Map<String, Value>,
        params: &ScriptParams,
        store: &Store,
    ) -> Result<Vec<(String, i64)>, String> {
        let sql = params.substitute(sql)?;
        let (columns, rows) = match self.run_sql(database, &sql) {
            Outcome::Rows { columns, rows } => (columns, rows),
            Outcome::Fails(error) => return Err(error),
        };
        let text = |key: &str, default: &str| {
            settings
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_string()
        };
        let flag = |key: &str, default: bool| {
            settings
                .get(key)
                .and_then(Value::as_bool)
                .unwrap_or(default)
        };
        let header = flag("include_header", true);
        let format = CsvFormat {
            delimiter: delimiter_char(&text("column_delimiter", "comma"))?,
            unquoted: flag("unquoted", false),
            compression: text("compression", "gzip"),
            encoding: self.export_encoding,
        };
        let multifile = flag("force_multifile", false);
        let prefix = text("filename_prefix", "");
        let extension = match format.compression.as_str() {
            "gzip" => "csv.gz",
            "zip" => "csv.zip",
            _ => "csv",
        };
        let fail = |e: io::Error| format!("the mock could not store the export: {e}");
        let outputs = if multifile {
            let mut entries = Vec::new();
            let parts = match settings.get("max_file_size").and_then(Value::as_u64) {
                Some(megabytes) => parts_of_at_most(&rows, megabytes * MEGABYTE, &format),
                None => thirds(&rows),
            };
            for (index, chunk) in parts.into_iter().enumerate() {
                let name = format!("{prefix}export_{job}_part{index:04}.{extension}");
                let id = store
                    .put_with(&name, |file| format.write(file, &columns, chunk, false))
                    .map_err(fail)?;
                let size = store
                    .stored_path(id)
                    .and_then(|p| p.metadata().ok())
                    .map_or(0, |m| m.len());
                entries.push(json!({
                    "id": id,
                    "name": name,
                    "size": size,
                    "url": format!("s3://mock-bucket/exports/{name}"),
                    "url_signed": store.download_url(id),
                }));
            }
            let manifest = json!({
                "query": sql,
                "header": columns,
                "entries": entries,
                "unquoted": format.unquoted,
                "compression": format.compression,
                "delimiter": text("column_delimiter", "comma"),
            });
            let name = format!("{prefix}export_{job}_manifest.json");
            let id = store
                .put_with(&name, |file| {
                    file.write_all(manifest.to_string().as_bytes())
                })
                .map_err(fail)?;
            vec![(name, id)]
        } else {
            let name = format!("{prefix}export_{job}.{extension}");
            let id = store
                .put_with(&name, |file| format.write(file, &columns, &rows, header))
                .map_err(fail)?;
            vec![(name, id)]
        };
        let output: Vec<Value> = outputs
            .iter()
            .map(|(name, id)| {
                json!({"outputName": name, "fileId": id, "path": store.download_url(*id)})
            })
            .collect();
        self.exports.insert(job, Value::Array(output));
        Ok(outputs)
    }
}

/// `max_file_size` counts megabytes of 2^20 bytes.
const MEGABYTE: u64 = 1024 * 1024;

/// Parts of at most a third of the rows each (and at least one part), when no size is asked.
fn thirds(rows: &[Vec<Option<String>>]) -> Vec<&[Vec<Option<String>>]> {
    if rows.is_empty() {
        return vec![&[]];
    }
    rows.chunks(rows.len().div_ceil(3).max(1)).collect()
}

/// Parts whose CSV text holds at most `bytes` (a row longer than that alone in its part).
fn parts_of_at_most<'r>(
    rows: &'r [Vec<Option<String>>],
    bytes: u64,
    format: &CsvFormat,
) -> Vec<&'r [Vec<Option<String>>]> {
    let mut parts = Vec::new();
    let (mut start, mut size) = (0, 0u64);
    for (i, row) in rows.iter().enumerate() {
        let record = row.iter().map(|v| v.as_deref().unwrap_or(""));
        let length = format
            .piece(std::iter::once(record.collect()))
            .map_or(0, |piece| piece.len() as u64);
        if i > start && size + length > bytes {
            parts.push(&rows[start..i]);
            (start, size) = (i, 0);
        }
        size += length;
    }
    parts.push(&rows[start..]);
    parts
}

/// How an export writes its CSV: `csv_settings`, and the text encoding the test chose.
pub(super) struct CsvFormat {
    pub(super) delimiter: u8,
    pub(super) unquoted: bool,
    pub(super) compression: String,
    pub(super) encoding: Option<&'static encoding_rs::Encoding>,
}

impl CsvFormat {
    /// The CSV text of `records`, in the export's encoding.
    fn piece<'r>(&self, records: impl Iterator<Item = Vec<&'r str>>) -> io::Result<Vec<u8>> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(self.delimiter)
            .quote_style(if self.unquoted {
                csv::QuoteStyle::Never
            } else {
                csv::QuoteStyle::Necessary
            })
            .from_writer(Vec::new());
        for record in records {
            writer.write_record(record)?;
        }
        let utf8 = writer.into_inner().map_err(|e| e.into_error())?;
        Ok(match self.encoding {
            None => utf8,
            Some(encoding) => encode(&utf8, encoding),
        })
    }

    /// Writes the CSV of `rows` (after the header, when asked) to `file`, compressed as
    /// `compression` says: gzip as one member per [`ROWS_PER_MEMBER`] rows, zip as an archive
    /// of one entry. Piece by piece, so that a large result is never all in memory as text.
    fn write(
        &self,
        file: &mut File,
        columns: &[String],
        rows: &[Vec<Option<String>>],
        header: bool,
    ) -> io::Result<()> {
        let header = header.then(|| columns.iter().map(String::as_str).collect::<Vec<_>>());
        let pieces = header
            .into_iter()
            .map(|h| self.piece(std::iter::once(h)))
            .chain(rows.chunks(ROWS_PER_MEMBER).map(|chunk| {
                let records = chunk
                    .iter()
                    .map(|row| row.iter().map(|v| v.as_deref().unwrap_or("")).collect());
                self.piece(records)
            }));
        match self.compression.as_str() {
            "gzip" => {
                for piece in pieces {
                    let mut member = GzEncoder::new(&mut *file, flate2::Compression::fast());
                    member.write_all(&piece?)?;
                    member.finish()?;
                }
            }
            "zip" => {
                let mut zip = zip::ZipWriter::new(&mut *file);
                zip.start_file("export.csv", zip::write::SimpleFileOptions::default())
                    .map_err(io::Error::other)?;
                for piece in pieces {
                    zip.write_all(&piece?)?;
                }
                zip.finish().map_err(io::Error::other)?;
            }
            _ => {
                for piece in pieces {
                    file.write_all(&piece?)?;
                }
            }
        }
        Ok(())
    }
}

/// `utf8` in `encoding`: UTF-16 little- or big-endian (which encoding_rs decodes but does not
/// encode) by hand, without a byte-order mark; any other through encoding_rs, characters it
/// cannot hold as `&#N;`, as encoding_rs writes them.
fn encode(utf8: &[u8], encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let text = String::from_utf8_lossy(utf8);
    if encoding == encoding_rs::UTF_16LE {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    } else if encoding == encoding_rs::UTF_16BE {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    } else {
        encoding.encode(&text).0.into_owned()
    }
}

/// The parameters of a SQL script (`params`) and the values of its run (`arguments`), as
/// `POST /scripts/sql` takes them; the SQL names a parameter `{{name}}`.
#[derive(Debug, Clone, Default)]
pub(super) struct ScriptParams {
    /// Each parameter's name and default.
    params: Vec<(String, Option<Value>)>,
    arguments: Map<String, Value>,
}

impl ScriptParams {
    /// The parameters and arguments of a script's body, checked as the spec describes them:
    /// each parameter has a `name` and a `type`, and arguments are only for parameters the
    /// script defines.
    pub(super) fn from_body(body: &Map<String, Value>) -> Result<Self, String> {
        let mut params = Vec::new();
        for param in body
            .get("params")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(name), Some(_)) = (param["name"].as_str(), param["type"].as_str()) else {
                return Err(format!("a parameter needs a name and a type: {param}"));
            };
            params.push((name.to_string(), param.get("default").cloned()));
        }
        let arguments = match body.get("arguments") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(arguments)) => arguments.clone(),
            Some(other) => return Err(format!("arguments must be an object, not {other}")),
        };
        if let Some(unknown) = arguments
            .keys()
            .find(|k| !params.iter().any(|(n, _)| n == *k))
        {
            return Err(format!(
                "argument {unknown} is not a parameter of this script: arguments are only settable for defined params"
            ));
        }
        Ok(Self { params, arguments })
    }

    /// `sql` with each `{{name}}` (spaces inside the braces allowed) replaced by the argument's
    /// value, or the parameter's default: a string as it is, another value as its JSON text.
    pub(super) fn substitute(&self, sql: &str) -> Result<String, String> {
        let mut out = String::with_capacity(sql.len());
        let mut rest = sql;
        while let Some(start) = rest.find("{{") {
            let Some(end) = rest[start..].find("}}") else {
                break;
            };
            let name = rest[start + 2..start + end].trim();
            let value = self
                .arguments
                .get(name)
                .or_else(|| {
                    self.params
                        .iter()
                        .find(|(n, _)| n == name)
                        .and_then(|(_, default)| default.as_ref())
                })
                .ok_or_else(|| {
                    format!("the SQL uses {{{{{name}}}}}, which has no argument and no default")
                })?;
            out.push_str(&rest[..start]);
            match value {
                Value::String(text) => out.push_str(text),
                other => out.push_str(&other.to_string()),
            }
            rest = &rest[start + end + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }
}
