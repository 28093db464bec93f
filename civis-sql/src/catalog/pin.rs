//! One pin file: the API's `GET /tables/{id}` answer (the spec's `Table`), of which the
//! analysis reads the names, the columns (`name`, `sqlType`, `order`), `tableDef` (for
//! `NOT NULL`) and the refresh date.

use std::path::Path;

use serde::Deserialize;

use super::{table_def, CatalogError, PinnedColumn, PinnedTable};

/// The fields of a `Table` the analysis reads; the others are kept in the file, unread.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TableJson {
    schema: Option<String>,
    name: Option<String>,
    columns: Option<Vec<ColumnJson>>,
    table_def: Option<String>,
    refreshed_at: Option<String>,
    last_refresh: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ColumnJson {
    name: Option<String>,
    sql_type: Option<String>,
    order: Option<i64>,
}

/// Reads a pin's text (a `GET /tables/{id}` answer) into a table. The schema and name come
/// from the answer, else from the file's name (`<schema>.<table>.json`).
pub fn parse_pin(database: &str, path: &Path, text: &str) -> Result<PinnedTable, CatalogError> {
    let fail = |what: String| CatalogError {
        message: format!(
            "{}: {what}; a pin is the API's answer to `GET /tables/{{id}}` (`civis tables get ID \
             --json-output` prints it): re-pin the table with `civis tables pin -d {database} \
             SCHEMA.TABLE`",
            path.display()
        ),
    };
    let json: TableJson = serde_json::from_str(text)
        .map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    let (file_schema, file_table) = names_from_file(path);
    let schema = json.schema.or(file_schema).map(|s| s.to_lowercase());
    let name = json.name.or(file_table).map(|s| s.to_lowercase());
    let (Some(schema), Some(name)) = (schema, name) else {
        return Err(fail("it has no `schema` and `name`".to_owned()));
    };
    let Some(columns) = json.columns else {
        return Err(fail("it has no `columns`".to_owned()));
    };
    if columns.is_empty() {
        return Err(fail("its `columns` list is empty".to_owned()));
    }
    let not_null = json
        .table_def
        .as_deref()
        .map(table_def::not_null_columns)
        .unwrap_or_default();
    let mut ordered = Vec::with_capacity(columns.len());
    for (index, column) in columns.into_iter().enumerate() {
        let Some(column_name) = column.name else {
            return Err(fail(format!(
                "column {index} (counting from 0) has no `name`"
            )));
        };
        let Some(sql_type) = column.sql_type else {
            return Err(fail(format!("column `{column_name}` has no `sqlType`")));
        };
        let column_name = column_name.to_lowercase();
        // The spec's `order` is 1-based; a pin without it keeps the array's order.
        let order = column
            .order
            .unwrap_or(i64::try_from(index).unwrap_or(i64::MAX));
        ordered.push((
            order,
            index,
            PinnedColumn {
                not_null: not_null.contains(&column_name),
                name: column_name,
                sql_type,
            },
        ));
    }
    ordered.sort_by_key(|(order, index, _)| (*order, *index));
    let columns: Vec<PinnedColumn> = ordered.into_iter().map(|(_, _, c)| c).collect();
    for (i, column) in columns.iter().enumerate() {
        if columns.iter().take(i).any(|c| c.name == column.name) {
            return Err(fail(format!("column `{}` is listed twice", column.name)));
        }
    }
    Ok(PinnedTable {
        database: database.to_owned(),
        schema,
        name,
        columns,
        pinned_at: json.refreshed_at.or(json.last_refresh).unwrap_or_default(),
        path: path.to_path_buf(),
    })
}

/// `schema` and `table` of a file named `<schema>.<table>.json`.
fn names_from_file(path: &Path) -> (Option<String>, Option<String>) {
    let stem = path
        .file_name()
        .and_then(|f| f.to_str())
        .and_then(|f| f.strip_suffix(".json"));
    match stem.and_then(|s| s.split_once('.')) {
        Some((schema, table)) => (Some(schema.to_owned()), Some(table.to_owned())),
        None => (None, None),
    }
}
