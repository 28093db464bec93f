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
        for file in body
            .get("source")
            .and_then(|s| s.get("file_ids"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = file.as_i64().unwrap_or_default();
            let (file_names, file_rows) = read_csv(store, id, delimiter, header)?;
            if names.is_empty() {
                names = file_names;
            }
            rows.extend(file_rows);
        }
        let declared: Option<Vec<(String, String)>> = body
            .get("table_columns")
            .and_then(Value::as_array)
            .map(|columns| {
                columns
                    .iter()
                    .map(|c| {
                        let text = |k: &str| c[k].as_str().unwrap_or_default().to_string();
                        (text("name"), text("sql_type"))
                    })
                    .collect()
            });
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
        let merged = merge(
            self.tables.get(&key),
            columns,
            rows,
            mode,
            &strings(&destination["primary_keys"]),
            &strings(&destination["last_modified_keys"]),
            &format!("{}.{}", key.1, key.2),
        )?;
        self.tables.insert(key, merged);
        Ok(())
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
            return Ok(Table { columns, rows });
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
        "truncate" => table.rows = rows,
        "append" => table.rows.extend(rows),
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
            for row in rows {
                let key: Vec<&Option<String>> = keys.iter().map(|&k| &row[k]).collect();
                let found = table
                    .rows
                    .iter()
                    .position(|old| keys.iter().map(|&k| &old[k]).collect::<Vec<_>>() == key);
                match found {
                    // With last-modified keys, an older row does not replace a newer one.
                    Some(at) => {
                        let newer = modified.iter().all(|&m| row[m] >= table.rows[at][m]);
                        if newer {
                            table.rows[at] = row;
                        }
                    }
                    None => table.rows.push(row),
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
