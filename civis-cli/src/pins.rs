//! `civis tables pin`: the pinned catalog `civis::query!` checks SQL against. A pin is exactly
//! the API's answer to `GET /tables/{id}`, pretty-printed, in
//! `.civis/tables/<database>/<schema>.<table>.json`, where `<database>` is the name (or id) the
//! queries give. `.civis/` is the nearest one at or above the current directory (else
//! `./.civis`), as the macro finds it from its crate.
//!
//! - `pin [-d DB] SCHEMA.TABLE... [--scan]` pins tables (`--scan`: `POST /tables/scan` first
//!   for a table the API does not know yet, and wait for its run);
//! - `--refresh` re-pins every pinned table and prints each changed column;
//! - `--check` prints how each pin differs from its live table, and exits 1 when one does;
//! - `--from-sources [DIR]` pins the tables read by the query macros and `.sql` files of a
//!   crate (see [`crate::sources`]) that are not pinned yet.
//!
//! Pins are byte-stable: the answer's keys in the API's order, pretty-printed, so a re-pin of a
//! table that did not change writes the same bytes, and a diff of a pin is the table's change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{json, Value};

use civis::{ApiClient, Error};
use civis_sql::{Catalog, PinnedTable};

use crate::output;

/// `tables pin`, given `Command::new("pin")`.
pub fn pin_command(command: Command) -> Command {
    command
        .about("Pin tables for civis::query!: write each table's description (GET /tables/{id}) into .civis/tables/DB/SCHEMA.TABLE.json")
        .long_about(
            "Pin tables for civis::query!, which checks SQL at compile time against the pins and \
             never the network. Each pin is exactly the API's answer to GET /tables/{id}, \
             pretty-printed, in .civis/tables/<DB>/<schema>.<table>.json (DB as your queries \
             name the database); .civis/ is the nearest one at or above the current directory, \
             else ./.civis. Commit the pins with the code.\n\n\
             --refresh re-pins every pinned table and prints each changed column; --check \
             prints how each pin differs from its live table (columns, types, NOT NULL) and \
             exits 1 when one does, for CI; --from-sources [DIR] pins the tables that the \
             query macros (query!, query_as!, query_scalar!, query_file!, query_file_as!) and \
             the .sql files of the crate in DIR read, when not pinned yet. -d defaults to \
             default_database of .civis/sql.toml.",
        )
        .arg(
            Arg::new("tables")
                .value_name("SCHEMA.TABLE")
                .num_args(0..)
                .help("The tables to pin (no schema: public)"),
        )
        .arg(
            Arg::new("database")
                .short('d')
                .long("database")
                .value_name("DB")
                .help("The database's name or id, as the queries name it (default: default_database of .civis/sql.toml)"),
        )
        .arg(
            Arg::new("scan")
                .long("scan")
                .action(ArgAction::SetTrue)
                .conflicts_with_all(["refresh", "check"])
                .help("Scan a table the API does not know yet (POST /tables/scan) and wait for the scan before pinning it"),
        )
        .arg(
            Arg::new("refresh")
                .long("refresh")
                .action(ArgAction::SetTrue)
                .conflicts_with_all(["tables", "check", "from-sources"])
                .help("Re-pin every pinned table (of -d's database when given) and print each changed column"),
        )
        .arg(
            Arg::new("check")
                .long("check")
                .action(ArgAction::SetTrue)
                .conflicts_with_all(["tables", "from-sources"])
                .help("Print how each pin differs from its live table and exit 1 when one does (nothing is written)"),
        )
        .arg(
            Arg::new("from-sources")
                .long("from-sources")
                .value_name("DIR")
                .num_args(0..=1)
                .default_missing_value(".")
                .conflicts_with("tables")
                .help("Pin the tables read by the query macros and .sql files of the crate in DIR (default .) that are not pinned yet"),
        )
}

/// Runs `civis tables pin` (`matches` are its own).
pub fn pin(matches: &ArgMatches) -> Result<(), Error> {
    let catalog = project_catalog()?;
    let given = matches.get_one::<String>("database").cloned();
    if matches.get_flag("refresh") || matches.get_flag("check") {
        let pins = pinned(&catalog, given.as_deref())?;
        let client = crate::client()?;
        return if matches.get_flag("check") {
            check(&client, &pins)
        } else {
            refresh(&client, &catalog, &pins)
        };
    }
    let default = given.or_else(|| catalog.config().default_database.clone());
    let scan = matches.get_flag("scan");
    if let Some(dir) = matches.get_one::<String>("from-sources") {
        return from_sources(&catalog, Path::new(dir), default.as_deref(), scan);
    }
    let tables: Vec<&String> = matches
        .get_many::<String>("tables")
        .map(Iterator::collect)
        .unwrap_or_default();
    if tables.is_empty() {
        return Err(Error::Usage(
            "no table given: name SCHEMA.TABLE..., or use --refresh, --check or --from-sources"
                .into(),
        ));
    }
    let database = default.ok_or_else(no_database)?;
    let client = crate::client()?;
    for table in tables {
        let (schema, name) = split(table)?;
        let pinned = pin_one(&client, &catalog, &database, &schema, &name, scan)?;
        report_pinned(&pinned)?;
    }
    Ok(())
}

/// The error of a command that needs a database and was given none.
fn no_database() -> Error {
    Error::Usage(
        "no database: give -d DB (its name or id, as your queries name it), or set \
         default_database in .civis/sql.toml"
            .into(),
    )
}

/// The catalog of the project around the current directory.
pub(crate) fn project_catalog() -> Result<Catalog, Error> {
    let cwd = std::env::current_dir().map_err(|source| Error::Io {
        path: ".".into(),
        source,
    })?;
    Catalog::find(&cwd).map_err(|e| Error::Config(e.message))
}

/// `schema.table` (quoted names as civis-python splits them) as its schema (`public` when
/// none) and table.
fn split(table: &str) -> Result<(String, String), Error> {
    let (schema, name) = civis::tables::split_schema_tablename(table)
        .map_err(|e| Error::Usage(format!("{table:?} is not SCHEMA.TABLE: {e}")))?;
    Ok((schema.unwrap_or_else(|| "public".into()), name))
}

/// A pin just written.
struct Written {
    database: String,
    schema: String,
    table: String,
    path: PathBuf,
    /// The text the file held before, if any.
    before: Option<String>,
    /// The text written.
    after: String,
}

/// Prints where `written` went, and whether it changed.
fn report_pinned(written: &Written) -> Result<(), Error> {
    let what = match &written.before {
        None => "pinned",
        Some(before) if *before == written.after => "unchanged",
        Some(_) => "re-pinned",
    };
    output::line(format_args!(
        "{what} {}.{} of {} in {}",
        written.schema,
        written.table,
        written.database,
        written.path.display()
    ))
}

/// Looks `schema.table` of `database` up in the API (scanning it first when `scan` and the API
/// does not know it), and writes its pin.
fn pin_one(
    client: &ApiClient,
    catalog: &Catalog,
    database: &str,
    schema: &str,
    table: &str,
    scan: bool,
) -> Result<Written, Error> {
    let described = live_table(client, database, schema, table, scan)?;
    let path = catalog.pin_path(database, schema, table);
    let after = pin_text(&described)?;
    let before = std::fs::read_to_string(&path).ok();
    write_pin(&path, &after)?;
    Ok(Written {
        database: database.to_string(),
        schema: schema.to_lowercase(),
        table: table.to_lowercase(),
        path,
        before,
        after,
    })
}

/// A pin's text: the answer pretty-printed with the API's keys in the API's order (serde_json's
/// `preserve_order`, which the spec model turns on), and a final newline.
fn pin_text(described: &Value) -> Result<String, Error> {
    let text = serde_json::to_string_pretty(described)
        .map_err(|e| Error::Config(format!("the table's description cannot be written: {e}")))?;
    Ok(text + "\n")
}

/// Writes `text` to `path` through a temporary file (a build reading the pins never sees half
/// of one), making its directories.
fn write_pin(path: &Path, text: &str) -> Result<(), Error> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
    }
    civis_core::__private::spec_files::save(path, text.as_bytes())
}

/// The API's `GET /tables/{id}` of `schema.table` in `database`, found by its names; with
/// `scan`, a table the API does not know is scanned first (`POST /tables/scan`, its run
/// waited for).
fn live_table(
    client: &ApiClient,
    database: &str,
    schema: &str,
    table: &str,
    scan: bool,
) -> Result<Value, Error> {
    let database_id = client.get_database_id(crate::sql::database(database))?;
    let id = match find_table(client, database_id, schema, table)? {
        Some(id) => id,
        None if scan => {
            eprintln!(
                "civis: scanning {schema}.{table} (POST /tables/scan), then waiting for the scan"
            );
            // The library's scan: its run waited on (SCAN_TIMEOUT at most), the table's id.
            client
                .scan_table(database_id, &format!("{schema}.{table}"))?
                .id
        }
        None => {
            return Err(Error::NotFound(format!(
                "the API does not know {schema}.{table} in database {database}: a table made \
                 outside Civis is known once scanned; `civis tables pin -d {database} \
                 {schema}.{table} --scan` scans it first"
            )))
        }
    };
    call(client, "tables", "get", json!({ "id": id }))
}

/// One operation of the API, by civis-python's names, with its answer as sent (keys in order).
fn call(client: &ApiClient, resource: &str, method: &str, args: Value) -> Result<Value, Error> {
    let request = client.prepare_call(ApiClient::operations(), resource, method, args)?;
    request
        .send_with_headers::<Value>()
        .map(|(answer, _)| answer)
}

/// The id of `schema.table` in database `database_id` (`GET /tables`, names compared ignoring
/// case, as Redshift folds them); `None` when the API does not list it.
fn find_table(
    client: &ApiClient,
    database_id: i64,
    schema: &str,
    table: &str,
) -> Result<Option<i64>, Error> {
    let listed = call(
        client,
        "tables",
        "list",
        json!({"database_id": database_id, "schema": schema, "name": table}),
    )?;
    let same = |found: &Value, key: &str, expected: &str| {
        found[key]
            .as_str()
            .is_some_and(|name| name.eq_ignore_ascii_case(expected))
    };
    Ok(listed.as_array().and_then(|tables| {
        tables
            .iter()
            .find(|t| same(t, "schema", schema) && same(t, "name", table))
            .and_then(|t| t["id"].as_i64())
    }))
}

/// A pin file found in the catalog.
struct Pin {
    /// The database directory it is in.
    database: String,
    path: PathBuf,
    text: String,
    table: PinnedTable,
}

/// Every pin of the catalog (of `database` only, when given), sorted by path; a pin that does
/// not read is an error naming it.
fn pinned(catalog: &Catalog, database: Option<&str>) -> Result<Vec<Pin>, Error> {
    let root = catalog.root().join("tables");
    let databases: Vec<String> = match database {
        Some(database) => vec![database.to_string()],
        None => sorted_entries(&root)?
            .into_iter()
            .filter(|path| path.is_dir())
            .filter_map(|path| Some(path.file_name()?.to_str()?.to_string()))
            .collect(),
    };
    let mut pins = Vec::new();
    for database in databases {
        for path in sorted_entries(&root.join(&database))? {
            if path.extension().is_none_or(|ext| ext != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                path: path.display().to_string(),
                source,
            })?;
            let table = civis_sql::catalog::parse_pin(&database, &path, &text)
                .map_err(|e| Error::Config(e.message))?;
            pins.push(Pin {
                database: database.clone(),
                path,
                text,
                table,
            });
        }
    }
    if pins.is_empty() {
        return Err(Error::Config(format!(
            "nothing is pinned in {}: pin tables with `civis tables pin -d DB SCHEMA.TABLE`",
            root.display()
        )));
    }
    Ok(pins)
}

/// The entries of directory `dir`, sorted; none when it does not exist.
fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Io {
                path: dir.display().to_string(),
                source,
            })
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    Ok(paths)
}

/// `--refresh`: re-pins every pin, printing each changed column; a table that is gone is
/// reported and the others re-pinned, and then it is the error.
fn refresh(client: &ApiClient, catalog: &Catalog, pins: &[Pin]) -> Result<(), Error> {
    let mut failed = Vec::new();
    for pin in pins {
        let (schema, table) = (&pin.table.schema, &pin.table.name);
        let written = match pin_one(client, catalog, &pin.database, schema, table, false) {
            Ok(written) => written,
            Err(error) => {
                eprintln!("civis: {schema}.{table} of {}: {error}", pin.database);
                failed.push(format!("{schema}.{table} of {}", pin.database));
                continue;
            }
        };
        report_pinned(&written)?;
        let now = civis_sql::catalog::parse_pin(&pin.database, &written.path, &written.after)
            .map_err(|e| Error::Config(e.message))?;
        for change in column_changes(&pin.table, &now) {
            output::line(format_args!("  {change}"))?;
        }
    }
    match failed.as_slice() {
        [] => Ok(()),
        failed => Err(Error::NotFound(format!(
            "could not re-pin {}; the other pins are refreshed",
            failed.join(", ")
        ))),
    }
}

/// `--check`: compares every pin with its live table, as the analysis reads them (columns in
/// order, their types and `NOT NULL`), printing the differences; a difference (or a table gone)
/// makes the program exit 1. Nothing is written.
fn check(client: &ApiClient, pins: &[Pin]) -> Result<(), Error> {
    let mut differs = 0;
    for pin in pins {
        let (schema, table) = (&pin.table.schema, &pin.table.name);
        let shown = format!("{schema}.{table} of {}", pin.database);
        let live = match live_table(client, &pin.database, schema, table, false) {
            Ok(live) => live,
            Err(Error::NotFound(message)) => {
                output::line(format_args!("{shown}: gone ({message})"))?;
                differs += 1;
                continue;
            }
            Err(error) => return Err(error),
        };
        let text = pin_text(&live)?;
        let now = civis_sql::catalog::parse_pin(&pin.database, &pin.path, &text)
            .map_err(|e| Error::Config(e.message))?;
        let changes = column_changes(&pin.table, &now);
        if changes.is_empty() {
            let same = if text == pin.text {
                "up to date"
            } else {
                "up to date (only statistics changed)"
            };
            output::line(format_args!("{shown}: {same}"))?;
            continue;
        }
        differs += 1;
        output::line(format_args!("{shown}: differs from {}", pin.path.display()))?;
        for change in changes {
            output::line(format_args!("  {change}"))?;
        }
    }
    if differs > 0 {
        eprintln!(
            "civis: {differs} of {} pins differ from their tables: `civis tables pin --refresh` re-pins them",
            pins.len()
        );
        crate::exit_with(crate::API_ERROR);
    }
    Ok(())
}

/// What changed between two pins of a table, a line per column: added, removed, a new type,
/// a new nullability, a new place.
fn column_changes(before: &PinnedTable, after: &PinnedTable) -> Vec<String> {
    let nullable = |not_null: bool| if not_null { "not null" } else { "nullable" };
    let place = |table: &PinnedTable, name: &str| table.columns.iter().position(|c| c.name == name);
    let mut changes = Vec::new();
    for (at, column) in after.columns.iter().enumerate() {
        match before.columns.iter().find(|c| c.name == column.name) {
            None => changes.push(format!(
                "column {} added: {}, {}",
                column.name,
                column.sql_type,
                nullable(column.not_null)
            )),
            Some(old) => {
                if !old.sql_type.eq_ignore_ascii_case(&column.sql_type) {
                    changes.push(format!(
                        "column {}: type {} -> {}",
                        column.name, old.sql_type, column.sql_type
                    ));
                }
                if old.not_null != column.not_null {
                    changes.push(format!(
                        "column {}: {} -> {}",
                        column.name,
                        nullable(old.not_null),
                        nullable(column.not_null)
                    ));
                }
                let was = place(before, &column.name).unwrap_or(at);
                if was != at {
                    changes.push(format!(
                        "column {}: position {} -> {}",
                        column.name,
                        was + 1,
                        at + 1
                    ));
                }
            }
        }
    }
    for column in &before.columns {
        if place(after, &column.name).is_none() {
            changes.push(format!(
                "column {} removed (was {}, {})",
                column.name,
                column.sql_type,
                nullable(column.not_null)
            ));
        }
    }
    changes
}

/// `--from-sources DIR`: pins every table the crate's queries read that is not pinned yet.
fn from_sources(
    catalog: &Catalog,
    dir: &Path,
    default: Option<&str>,
    scan: bool,
) -> Result<(), Error> {
    let found = crate::sources::queries(dir)?;
    let mut wanted: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut unreadable = 0;
    for query in &found {
        let Some(database) = query.database.as_deref().or(default) else {
            if query.loose {
                eprintln!(
                    "civis: {}: skipped, there is no database to read it in (-d DB, or \
                     default_database in .civis/sql.toml)",
                    query.origin
                );
                continue;
            }
            return Err(Error::Usage(format!(
                "{}: the query names no database, and there is no default: give -d DB, or set \
                 default_database in .civis/sql.toml",
                query.origin
            )));
        };
        match civis_sql::tables_read(&query.sql) {
            Ok(tables) => {
                for table in tables {
                    let schema = table.schema.unwrap_or_else(|| "public".into());
                    wanted.insert((database.to_string(), schema, table.table));
                }
            }
            Err(error) if query.loose => eprintln!(
                "civis: {}: skipped, not a query whose tables can be read:\n{}",
                query.origin,
                error.render(&query.sql)
            ),
            Err(error) => {
                unreadable += 1;
                eprintln!(
                    "civis: {}: its tables cannot be read:\n{}",
                    query.origin,
                    error.render(&query.sql)
                );
            }
        }
    }
    let client = if wanted
        .iter()
        .any(|(db, schema, table)| !catalog.pin_path(db, schema, table).exists())
    {
        Some(crate::client()?)
    } else {
        None
    };
    let mut pinned_now = 0;
    for (database, schema, table) in &wanted {
        if catalog.pin_path(database, schema, table).exists() {
            continue;
        }
        let Some(client) = &client else { break };
        report_pinned(&pin_one(client, catalog, database, schema, table, scan)?)?;
        pinned_now += 1;
    }
    eprintln!(
        "civis: {} queries in {}, reading {} tables: {pinned_now} pinned now, {} pinned already",
        found.len(),
        dir.display(),
        wanted.len(),
        wanted.len() - pinned_now
    );
    if unreadable > 0 {
        return Err(Error::Config(format!(
            "{unreadable} queries could not be read (above); their tables are not pinned"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: &[(&str, &str, bool)]) -> PinnedTable {
        let text = json!({
            "schema": "s",
            "name": "t",
            "columns": columns.iter().enumerate().map(|(i, (name, sql_type, _))| {
                json!({"name": name, "sqlType": sql_type, "order": i + 1})
            }).collect::<Vec<_>>(),
            "tableDef": format!(
                "CREATE TABLE \"s\".\"t\" (\n{}\n)\nDISTSTYLE AUTO;\n",
                columns.iter().map(|(name, sql_type, not_null)| format!(
                    "    \"{name}\" {} {}",
                    sql_type.to_uppercase(),
                    if *not_null { "NOT NULL" } else { "NULL" }
                )).collect::<Vec<_>>().join(",\n")
            ),
        });
        civis_sql::catalog::parse_pin("db", Path::new("s.t.json"), &text.to_string()).unwrap()
    }

    #[test]
    fn column_changes_name_each_added_removed_retyped_renulled_and_moved_column() {
        let before = table(&[
            ("id", "integer", true),
            ("name", "varchar(20)", false),
            ("gone", "date", false),
        ]);
        let after = table(&[
            ("name", "varchar(40)", true),
            ("id", "integer", true),
            ("new", "boolean", false),
        ]);
        assert_eq!(
            column_changes(&before, &after),
            [
                "column name: type varchar(20) -> varchar(40)",
                "column name: nullable -> not null",
                "column name: position 2 -> 1",
                "column id: position 1 -> 2",
                "column new added: boolean, nullable",
                "column gone removed (was date, nullable)",
            ]
        );
        assert!(column_changes(&before, &before).is_empty());
    }
}
