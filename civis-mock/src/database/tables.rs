//! Tables: `GET /tables` (the lookup behind `get_table_id`), `GET /tables/{id}` and
//! `GET /databases/{id}/schemas/{schema}/tables/{table}` (a table as the spec's `Table`
//! describes it: columns with their SQL types and `order`, and a `tableDef` with `NOT NULL`
//! where declared), with ids given as tables are created, and `POST /tables/scan`, the table
//! scanner's job, which makes a table the API did not know (see
//! [`MockServer::unscanned_table`]) known once its run succeeds.

use super::*;

/// Ids of the database's tables start here, apart from its jobs' (50001).
const FIRST_TABLE_ID: i64 = 80_001;

/// The polls a scan's run takes: the first says `queued`, the second `succeeded`.
const SCAN_POLLS: u32 = 2;

impl Database {
    /// Stores `table` as `key`, with a new id unless it already has one (a table that was
    /// truncated or added to keeps its id; a new or dropped one has none yet). Either way its
    /// data changed now.
    pub(super) fn put_table(&mut self, key: (i64, String, String), mut table: Table) {
        let now = SystemTime::now();
        if table.id == 0 {
            if self.next_table_id == 0 {
                self.next_table_id = FIRST_TABLE_ID;
            }
            table.id = self.next_table_id;
            self.next_table_id += 1;
            table.created = now;
        }
        table.updated = now;
        self.tables.insert(key, table);
    }

    /// Ends the scans whose runs are over: a table whose scan succeeded is known from now on
    /// (refreshed now); one whose scan did not stays unknown. Called before any answer about
    /// tables, so a table becomes known when its scan's run is seen to end, as on the platform.
    fn settle_scans(&mut self, jobs: &Jobs) {
        for table in self.tables.values_mut() {
            let Scan::Scanning { job, run } = table.scan else {
                continue;
            };
            match jobs.peek(job, run) {
                Some(("succeeded", true)) => {
                    table.scan = Scan::Known;
                    table.updated = SystemTime::now();
                }
                Some((_, true)) => table.scan = Scan::Unscanned,
                _ => {}
            }
        }
    }

    /// The known table `key` names, its schema and name matched ignoring case as Redshift
    /// folds them.
    fn known_table(&self, key: &(i64, String, String)) -> Option<(&(i64, String, String), &Table)> {
        self.tables.iter().find(|((db, schema, name), table)| {
            *db == key.0
                && schema.eq_ignore_ascii_case(&key.1)
                && name.eq_ignore_ascii_case(&key.2)
                && table.scan == Scan::Known
        })
    }
}

/// `GET /tables?database_id=&schema=&name=`: the known tables of declared databases that match
/// (`%` or `*` in `schema` and `name` match any text, as the API's filters do; names match
/// ignoring case, as Redshift folds them). `None` for an undeclared database.
pub(crate) fn list(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    simulation.database.settle_scans(simulation.jobs);
    let db = &*simulation.database;
    let filter = |key: &str| {
        incoming
            .query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let database = match filter("database_id") {
        Some(id) => Some(id.parse::<i64>().ok()?),
        None => None,
    };
    if !db.declared(database) {
        return None;
    }
    let fits = |pattern: Option<&str>, value: &str| pattern.is_none_or(|p| like(p, value));
    let mut found: Vec<(&(i64, String, String), &Table)> = db
        .tables
        .iter()
        .filter(|((db, schema, name), table)| {
            table.scan == Scan::Known
                && database.is_none_or(|d| d == *db)
                && fits(filter("schema"), schema)
                && fits(filter("name"), name)
        })
        .collect();
    found.sort_by_key(|(_, table)| table.id);
    let list: Vec<Value> = found
        .into_iter()
        .map(|(key, table)| table_summary(key, table))
        .collect();
    Some(Scripted::json(200, Value::Array(list).to_string()))
}

/// `GET /tables/{id}`: the table with its columns; a 404 for a table that is gone or not known
/// to the API, and `None` for an id the mock never gave (left to recorded examples).
pub(crate) fn get(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.database.settle_scans(simulation.jobs);
    let db = &*simulation.database;
    let id = params.number("id")?;
    if !(FIRST_TABLE_ID..db.next_table_id).contains(&id) {
        return None;
    }
    let found = db
        .tables
        .iter()
        .find(|(_, t)| t.id == id && t.scan == Scan::Known);
    Some(match found {
        Some((key, table)) => Scripted::json(200, describe_table(key, table).to_string()),
        None => not_found(&format!("table {id} does not exist")),
    })
}

/// `GET /databases/{id}/schemas/{schema}/tables/{table}`: a known table of a declared database,
/// as `GET /tables/{id}` describes it, or a 404 when the API does not know it (yet).
pub(crate) fn get_schemas_tables(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let db = params.number("id")?;
    let (schema, table) = (params.text("schema")?, params.text("table")?);
    if !simulation.database.known(Some(db)) {
        return None;
    }
    simulation.database.settle_scans(simulation.jobs);
    let key = (db, schema.to_string(), table.to_string());
    Some(match simulation.database.known_table(&key) {
        Some((key, found)) => Scripted::json(200, describe_table(key, found).to_string()),
        None => not_found(&format!("table {schema}.{table} does not exist")),
    })
}

/// `POST /tables/scan` (`databaseId`, `schema`, `tableName`, `statsPriority`; civis-python's
/// snake_case names too) on a declared database: the table scanner's job, started at once
/// (`{"jobId", "runId"}`, polled at `GET /jobs/{jobId}/runs/{runId}`). Its run succeeds on its
/// second poll when the table is in the database, and the table is known to the API from
/// then on; it fails when there is no such table. `None` for an undeclared database.
pub(crate) fn post_scan(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let field = |camel: &str, snake: &str| body.get(camel).or_else(|| body.get(snake));
    let database = number(field("databaseId", "database_id"));
    if !simulation.database.declared(database) {
        return None;
    }
    let text = |camel: &str, snake: &str| field(camel, snake).and_then(Value::as_str);
    let (Some(database), Some(schema), Some(name)) = (
        database,
        text("schema", "schema"),
        text("tableName", "table_name"),
    ) else {
        return Some(bad_request("databaseId, schema and tableName are required"));
    };
    if let Some(priority) = text("statsPriority", "stats_priority") {
        if !["flag", "block", "queue"].contains(&priority) {
            return Some(bad_request(&format!(
                "statsPriority must be one of flag, block, queue, not {priority:?}"
            )));
        }
    }
    let db = &mut *simulation.database;
    let job = db.new_id();
    let key = (database, schema.to_string(), name.to_string());
    let found = db.tables.iter().find(|((d, s, n), _)| {
        *d == key.0 && s.eq_ignore_ascii_case(&key.1) && n.eq_ignore_ascii_case(&key.2)
    });
    let found = found.map(|(key, _)| key.clone());
    simulation.jobs.declare(
        job,
        match found {
            Some(_) => MockJob::succeeds_after(SCAN_POLLS),
            None => MockJob::fails_after(
                SCAN_POLLS,
                &format!("relation \"{schema}.{name}\" does not exist in database {database}"),
            ),
        },
    );
    let started = simulation.jobs.start_run(job, 201, "");
    let run = serde_json::from_str::<Value>(&started.body)
        .ok()
        .and_then(|run| run["id"].as_i64())
        .unwrap_or_default();
    if let Some(table) = found.and_then(|key| db.tables.get_mut(&key)) {
        match table.scan {
            // A table the API knows stays listed while it is scanned again.
            Scan::Known => table.updated = SystemTime::now(),
            Scan::Unscanned | Scan::Scanning { .. } => table.scan = Scan::Scanning { job, run },
        }
    }
    Some(Scripted::json(
        201,
        json!({"jobId": job, "runId": run}).to_string(),
    ))
}

impl Database {
    /// Whether requests about `database` (`None`: all of them) are the mock's to answer: a
    /// declared database, or one with tables (`MockServer::table` on a database never
    /// declared counts as declared).
    fn declared(&self, database: Option<i64>) -> bool {
        let has_tables = |id: i64| self.tables.keys().any(|(d, _, _)| *d == id);
        match database {
            Some(id) => self.known(database) || has_tables(id),
            None => !self.databases.is_empty() || !self.tables.is_empty(),
        }
    }
}

/// A declared type (`"INTEGER NOT NULL"`) as its type and whether it ends in `NOT NULL` (any
/// case, any white space between the words); a trailing plain `NULL` is dropped too.
pub(super) fn split_not_null(declared: &str) -> (&str, bool) {
    let trimmed = declared.trim_end();
    let Some(rest) = strip_last_word(trimmed, "null") else {
        return (trimmed, false);
    };
    match strip_last_word(rest, "not") {
        Some(kind) => (kind, true),
        None => (rest, false),
    }
}

/// `text` (trimmed at its end) without its last word when that is `word` (any case) after
/// white space and something else, trimmed again.
fn strip_last_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let text = text.trim_end();
    let at = text.len().checked_sub(word.len())?;
    let last = text.get(at..)?;
    let before = &text[..at];
    let follows_space = before.ends_with(char::is_whitespace);
    let rest = before.trim_end();
    (last.eq_ignore_ascii_case(word) && follows_space && !rest.is_empty()).then_some(rest)
}

/// The first NULL of `rows` in a column of `columns` that `not_null` names, as Redshift's
/// `COPY` refuses it.
pub(super) fn check_not_null(
    columns: &[(String, String)],
    not_null: &[String],
    rows: &[Vec<Option<String>>],
) -> Result<(), String> {
    if not_null.is_empty() {
        return Ok(());
    }
    for (at, row) in rows.iter().enumerate() {
        for ((name, _), value) in columns.iter().zip(row) {
            if value.is_none() && not_null.contains(name) {
                return Err(format!(
                    "Missing data for not-null field (row {}, column \"{name}\")",
                    at + 1
                ));
            }
        }
    }
    Ok(())
}

/// A table as `GET /tables` lists it.
fn table_summary(key: &(i64, String, String), table: &Table) -> Value {
    json!({
        "id": table.id,
        "databaseId": key.0,
        "schema": key.1,
        "name": key.2,
        "rowCount": table.rows.len(),
        "columnCount": table.columns.len(),
    })
}

/// A table as `GET /tables/{id}` describes it: every field of the spec's `Table`, with its
/// columns (`order` from 1, and the counts of their values) and its `tableDef`.
fn describe_table(key: &(i64, String, String), table: &Table) -> Value {
    let columns: Vec<Value> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, (name, sql_type))| describe_column(table, i, name, sql_type))
        .collect();
    let time = |at: SystemTime| super::super::jobs::timestamp(at);
    json!({
        "id": table.id,
        "databaseId": key.0,
        "schema": key.1,
        "name": key.2,
        "description": null,
        "isView": false,
        "rowCount": table.rows.len(),
        "columnCount": table.columns.len(),
        "sizeMb": null,
        "owner": "dbadmin",
        "distkey": null,
        "sortkeys": null,
        "refreshStatus": "current",
        "lastRefresh": time(table.updated),
        "dataUpdatedAt": time(table.updated),
        "schemaUpdatedAt": time(table.created),
        "refreshId": null,
        "lastRun": null,
        "primaryKeys": [],
        "lastModifiedKeys": [],
        "tableTags": [],
        "ontologyMapping": {},
        "columns": columns,
        "joins": [],
        "multipartKey": [],
        "enhancements": [],
        "viewDef": null,
        "tableDef": table_def(key, table),
        "outgoingTableMatches": [],
    })
}

/// Column `index` of `table` as the spec's `TableColumn`: the counts are of its values now;
/// the statistics a scan computes over samples (min, max, distributions) are left empty.
fn describe_column(table: &Table, index: usize, name: &str, sql_type: &str) -> Value {
    let stats = table
        .stats()
        .get(index)
        .copied()
        .unwrap_or(super::ColumnStats {
            nulls: 0,
            distinct: 0,
        });
    json!({
        "name": name,
        "civisDataType": civis_data_type(sql_type),
        "sqlType": sql_type,
        "sampleValues": [],
        "encoding": null,
        "description": null,
        "order": index + 1,
        "minValue": null,
        "maxValue": null,
        "avgValue": null,
        "stddev": null,
        "valueDistributionPercent": {},
        "coverageCount": table.rows.len() - stats.nulls,
        "nullCount": stats.nulls,
        "possibleDependentVariableTypes": [],
        "useableAsIndependentVariable": false,
        "useableAsPrimaryKey": false,
        "valueDistribution": {},
        "distinctCount": stats.distinct,
    })
}

/// The database-agnostic kind of a SQL type (`civisDataType`).
fn civis_data_type(sql_type: &str) -> &'static str {
    use values::SqlType;
    match SqlType::parse(sql_type) {
        SqlType::SmallInt | SqlType::Integer | SqlType::BigInt => "integer",
        SqlType::Numeric { .. } | SqlType::Real | SqlType::Double => "float",
        SqlType::Boolean => "boolean",
        SqlType::Date => "date",
        SqlType::Timestamp | SqlType::TimestampTz => "timestamp",
        SqlType::Text { .. } | SqlType::Other => "string",
    }
}

/// The table's `CREATE TABLE`, as the API's `tableDef` writes it: quoted names, upper-case
/// types, `NOT NULL` after the columns declared so and `NULL` after the others, then
/// `DISTSTYLE AUTO;`.
fn table_def(key: &(i64, String, String), table: &Table) -> String {
    let quote = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let columns: Vec<String> = table
        .columns
        .iter()
        .map(|(name, sql_type)| {
            let null = if table.not_null.contains(name) {
                "NOT NULL"
            } else {
                "NULL"
            };
            format!(
                "    {} {} {null}",
                quote(name),
                sql_type.to_ascii_uppercase()
            )
        })
        .collect();
    format!(
        "CREATE TABLE {}.{} (\n{}\n)\nDISTSTYLE AUTO;\n",
        quote(&key.1),
        quote(&key.2),
        columns.join(",\n")
    )
}

/// Whether `value` matches `pattern`, ignoring case, `%` and `*` matching any text.
fn like(pattern: &str, value: &str) -> bool {
    let pattern = pattern.to_lowercase();
    let value = value.to_lowercase();
    let pieces: Vec<&str> = pattern.split(['%', '*']).collect();
    let [first, middle @ .., last] = pieces.as_slice() else {
        return pattern == value;
    };
    let Some(mut rest) = value.strip_prefix(first) else {
        return false;
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::{like, split_not_null};

    #[test]
    fn not_null_is_read_off_the_end_of_a_declared_type() {
        assert_eq!(split_not_null("INTEGER NOT NULL"), ("INTEGER", true));
        assert_eq!(
            split_not_null("numeric(10, 2)  not   null "),
            ("numeric(10, 2)", true)
        );
        assert_eq!(
            split_not_null("DOUBLE PRECISION NULL"),
            ("DOUBLE PRECISION", false)
        );
        assert_eq!(
            split_not_null("DOUBLE PRECISION"),
            ("DOUBLE PRECISION", false)
        );
        assert_eq!(split_not_null("NULL"), ("NULL", false));
        assert_eq!(split_not_null("VARCHAR(3)"), ("VARCHAR(3)", false));
    }

    #[test]
    fn like_matches_whole_names_or_wildcards_ignoring_case() {
        assert!(like("users", "Users"));
        assert!(!like("users", "users2"));
        assert!(like("user%", "users2"));
        assert!(like("*2", "users2"));
        assert!(like("u%r*2", "users2"));
        assert!(like("%", ""));
        assert!(!like("a%a", "a"));
        assert!(!like("x%", "users"));
    }
}
