//! CSV imports: a run of `POST /imports/files/csv` creates or extends a table per
//! `existing_table_rows`; a table it makes (new or dropped) is unknown to the API until
//! `POST /tables/scan` runs on it, as on the platform.

use super::*;

/// `POST /imports/files/csv` into a declared database: an import job.
pub(crate) fn post_files_csv(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let database = number(
        body.get("destination")
            .and_then(|d| d.get("remote_host_id")),
    );
    if !simulation.database.known(database) {
        return None;
    }
    let job = simulation
        .database
        .new_job(DbJob::Import { body: body.clone() });
    Some(job_made(body, job))
}

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
        // The spec's default is "none"; a file compressed otherwise is an error, as `COPY`
        // would fail on it.
        let compression = body
            .get("compression")
            .and_then(Value::as_str)
            .unwrap_or("none");
        if !matches!(compression, "gzip" | "none") {
            return Err(format!(
                "unknown compression \"{compression}\": use gzip or none"
            ));
        }
        match body.get("execution") {
            None | Some(Value::Null) => {}
            Some(Value::String(mode)) if mode == "immediate" || mode == "delayed" => {}
            Some(other) => {
                return Err(format!(
                    "unknown execution {other}: use \"immediate\" or \"delayed\""
                ))
            }
        }
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
            let (file_names, file_rows) = read_csv(store, id, delimiter, header, compression)?;
            starts.push((id, rows.len()));
            if names.is_empty() {
                names = file_names;
            }
            rows.extend(file_rows);
        }
        let declared = declared_columns(body).filter(|c| !c.is_empty());
        let width = rows.first().map_or(names.len(), Vec::len);
        if names.len() != width {
            names = (1..=width).map(|i| format!("column_{i}")).collect();
        }
        let mode = body
            .get("existing_table_rows")
            .and_then(Value::as_str)
            .unwrap_or("fail");
        let key = (database, schema, name);
        let kept = self
            .tables
            .get(&key)
            .filter(|_| mode != "drop" && mode != "fail");
        let mut columns = match (&declared, kept) {
            // Into a table that exists, the columns name the table's columns the file's hold,
            // in the file's order (no type needed, as the spec says).
            (Some(declared), Some(table)) => {
                rows = in_table_order(declared, &table.columns, rows, &key)?;
                table.columns.clone()
            }
            // Names alone for a new table: the types as detected.
            (Some(declared), None) if declared.iter().all(|(_, t)| t.is_empty()) => {
                let names: Vec<String> = declared.iter().map(|(n, _)| n.clone()).collect();
                detect_types(&names, &rows)
            }
            (Some(declared), None) => declared.clone(),
            (None, _) => detect_types(&names, &rows),
        };
        if body.get("loosen_types").and_then(Value::as_bool) == Some(true) && kept.is_none() {
            loosen(&mut columns, &rows);
        }
        load_rows(self.tables.get(&key), mode, &columns, &mut rows, |bad| {
            located(bad, &starts)
        })?;
        // A table the import makes (new, or dropped and made again) is unknown to the API until
        // the table scanner runs on it, as on the platform.
        let made = mode == "drop" || !self.tables.contains_key(&key);
        let mut merged = merge(
            self.tables.get(&key),
            columns,
            rows,
            mode,
            &strings(&destination["primary_keys"]),
            &strings(&destination["last_modified_keys"]),
            &format!("{}.{}", key.1, key.2),
        )?;
        if made {
            merged.scan = Scan::Unscanned;
        }
        self.put_table(key, merged);
        Ok(())
    }
}

/// `rows`, whose values are in the order of `declared` (names of `table`'s columns), in the
/// order of the table's columns, a column the file does not hold being `NULL`.
fn in_table_order(
    declared: &[(String, String)],
    table: &[(String, String)],
    rows: Vec<Vec<Option<String>>>,
    key: &(i64, String, String),
) -> Result<Vec<Vec<Option<String>>>, String> {
    let positions = declared
        .iter()
        .map(|(name, _)| {
            table.iter().position(|(n, _)| n == name).ok_or_else(|| {
                format!(
                    "column {name} of table_columns is not in {}.{}",
                    key.1, key.2
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    check_widths(&rows, declared.len())?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut ordered = vec![None; table.len()];
            for (value, &at) in row.into_iter().zip(&positions) {
                ordered[at] = value;
            }
            ordered
        })
        .collect())
}

/// `loosen_types`: a text column of a table being created is made wide enough for the longest
/// value it loads (in bytes), as the platform widens detected lengths; a column without a
/// length (`VARCHAR`) counts as Redshift's 256.
fn loosen(columns: &mut [(String, String)], rows: &[Vec<Option<String>>]) {
    for (i, (_, sql_type)) in columns.iter_mut().enumerate() {
        let values::SqlType::Text {
            bytes: length,
            fixed: false,
        } = values::SqlType::parse(sql_type)
        else {
            continue;
        };
        let longest = rows
            .iter()
            .filter_map(|row| row.get(i).and_then(|v| v.as_deref()))
            .map(str::len)
            .max()
            .unwrap_or(0);
        if longest > length {
            *sql_type = format!(
                "VARCHAR({})",
                longest.next_power_of_two().min(values::MAX_BYTES)
            );
        }
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
            return Ok(Table::new(columns, rows));
        }
        (Some(_), "fail") => {
            return Err(format!(
                "Table {shown} already exists and existing_table_rows is \"fail\""
            ))
        }
        (Some(existing), _) => existing,
    };
    check_widths(&rows, existing.columns.len())?;
    check_not_null(&existing.columns, &existing.not_null, &rows)?;
    let mut table = existing.clone();
    match mode {
        "truncate" => *table.rows_mut() = rows,
        "append" => table.rows_mut().extend(rows),
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
            let stored = table.rows_mut();
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
