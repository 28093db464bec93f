//! CSV imports: a run of `POST /imports/files/csv` creates or extends a table per
//! `existing_table_rows`.

use super::*;

impl Database {
    /// An import job's work: the cleaned files into the table, per `existing_table_rows`.
    pub(super) fn import(
        &mut self,
        body: &Map<String, Value>,
        store: &Store,
    ) -> Result<(), String> {
        let destination = body.get("destination").cloned().unwrap_or(Value::Null);
        let database = destination["remote_host_id"].as_i64().unwrap_or_default();
        let schema = destination["schema"]
            .as_str()
            .unwrap_or("public")
            .to_string();
        let name = destination["table"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let header = body
            .get("first_row_is_header")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let delimiter = delimiter_char(
            body.get("column_delimiter")
                .and_then(Value::as_str)
                .unwrap_or("comma"),
        )?;
        let strings = |value: &Value| -> Vec<String> {
            value
                .as_array()
                .map(|keys| {
                    keys.iter()
                        .filter_map(|k| k.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut names = Vec::new();
        let mut rows = Vec::new();
        // (file id, its first row in `rows`), to say where a bad value was.
        let mut starts = Vec::new();
        for file in body
            .get("source")
            .and_then(|s| s.get("file_ids"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = file.as_i64().unwrap_or_default();
            let (file_names, file_rows) = read_csv(store, id, delimiter, header)?;
            starts.push((id, rows.len()));
            if names.is_empty() {
                names = file_names;
            }
            rows.extend(file_rows);
        }
        let declared = declared_columns(body);
        let width = rows.first().map_or(names.len(), Vec::len);
        if names.len() != width {
            names = (1..=width).map(|i| format!("column_{i}")).collect();
        }
        let columns = declared
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| detect_types(&names, &rows));
        let mode = body
            .get("existing_table_rows")
            .and_then(Value::as_str)
            .unwrap_or("fail");
        let key = (database, schema, name);
        load_rows(self.tables.get(&key), mode, &columns, &mut rows, |bad| {
            located(bad, &starts)
        })?;
        let merged = merge(
            self.tables.get(&key),
            columns,
            rows,
            mode,
            &strings(&destination["primary_keys"]),
            &strings(&destination["last_modified_keys"]),
            &format!("{}.{}", key.1, key.2),
        )?;
        self.put_table(key, merged);
        Ok(())
    }
}

/// The columns an import declares (`table_columns`, each with `sql_type` or `sqlType`).
fn declared_columns(body: &Map<String, Value>) -> Option<Vec<(String, String)>> {
    let columns = body.get("table_columns")?.as_array()?;
    let text = |column: &Value, keys: &[&str]| {
        keys.iter()
            .find_map(|k| column[*k].as_str())
            .unwrap_or_default()
            .to_string()
    };
    Some(
        columns
            .iter()
            .map(|c| (text(c, &["name"]), text(c, &["sql_type", "sqlType"])))
            .collect(),
    )
}

/// Checks the widths of `rows` and stores their values as the columns they load into hold
/// them: the existing table's, unless it is dropped, else `columns`; `locate` says where a
/// value that does not fit was. An existing table with `"fail"` is left to [`merge`] to
/// refuse, whatever its rows would have been.
pub(super) fn load_rows(
    existing: Option<&Table>,
    mode: &str,
    columns: &[(String, String)],
    rows: &mut [Vec<Option<String>>],
    locate: impl Fn(values::BadValue) -> String,
) -> Result<(), String> {
    let loaded = match (existing, mode) {
        (Some(_), "fail") => return Ok(()),
        (Some(existing), mode) if mode != "drop" => &existing.columns,
        _ => columns,
    };
    check_widths(rows, loaded.len())?;
    values::normalize_rows(loaded, rows).map_err(locate)
}

/// The error of a value that does not fit, its row counted in its own file when several were
/// loaded (`starts`: each file's id and first row).
fn located(bad: values::BadValue, starts: &[(i64, usize)]) -> String {
    match starts {
        [_, _, ..] => {
            let (file, start) = starts
                .iter()
                .rev()
                .find(|(_, start)| *start < bad.row)
                .copied()
                .unwrap_or((0, 0));
            let bad = values::BadValue {
                row: bad.row - start,
                ..bad
            };
            format!("{bad} in file {file}")
        }
        _ => bad.to_string(),
    }
}

/// The table after loading `rows` into `existing` (if any) per `mode`.
pub(super) fn merge(
    existing: Option<&Table>,
    columns: Vec<(String, String)>,
    rows: Vec<Vec<Option<String>>>,
    mode: &str,
    primary_keys: &[String],
    last_modified_keys: &[String],
    shown: &str,
) -> Result<Table, String> {
    let existing = match (existing, mode) {
        (None, _) | (Some(_), "drop") => {
            check_widths(&rows, columns.len())?;
            return Ok(Table {
                id: 0,
                columns,
                rows: Arc::new(rows),
            });
        }
        (Some(_), "fail") => {
            return Err(format!(
                "Table {shown} already exists and existing_table_rows is \"fail\""
            ))
        }
        (Some(existing), _) => existing,
    };
    check_widths(&rows, existing.columns.len())?;
    let mut table = existing.clone();
    match mode {
        "truncate" => table.rows = Arc::new(rows),
        "append" => Arc::make_mut(&mut table.rows).extend(rows),
        "upsert" => {
            if primary_keys.is_empty() {
                return Err("an upsert needs primary keys".into());
            }
            let position = |name: &String| {
                table
                    .columns
                    .iter()
                    .position(|(n, _)| n == name)
                    .ok_or_else(|| format!("column {name} is not in {shown}"))
            };
            let keys = primary_keys
                .iter()
                .map(position)
                .collect::<Result<Vec<_>, _>>()?;
            let modified = last_modified_keys
                .iter()
                .map(position)
                .collect::<Result<Vec<_>, _>>()?;
            let stored = Arc::make_mut(&mut table.rows);
            for row in rows {
                let key: Vec<&Option<String>> = keys.iter().map(|&k| &row[k]).collect();
                let found = stored
                    .iter()
                    .position(|old| keys.iter().map(|&k| &old[k]).collect::<Vec<_>>() == key);
                match found {
                    // With last-modified keys, an older row does not replace a newer one.
                    Some(at) => {
                        let newer = modified.iter().all(|&m| row[m] >= stored[at][m]);
                        if newer {
                            stored[at] = row;
                        }
                    }
                    None => stored.push(row),
                }
            }
        }
        other => return Err(format!("unknown existing_table_rows \"{other}\"")),
    }
    Ok(table)
}

pub(super) fn check_widths(rows: &[Vec<Option<String>>], width: usize) -> Result<(), String> {
    match rows.iter().position(|row| row.len() != width) {
        Some(at) => Err(format!(
            "row {} has {} values, but the table has {width} columns",
            at + 1,
            rows[at].len()
        )),
        None => Ok(()),
    }
}
