//! `civis sql` and `civis tables import`: civis-python's `civis sql` (a preview table, or the
//! export with `-o`), and a CSV file loaded into a table.
//!
//! Unlike civis-python's, `civis sql -o` says "Downloaded the result ..." on stderr, so that
//! standard output holds only results, and picks gzip or zip from the output's extension.

use std::io::Write;

use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};

use civis::{tables::ExistingRows, ApiClient, Error};

/// `sql`, given `Command::new("sql")`.
pub fn sql_command(command: Command) -> Command {
    command
        .about("Run SQL on a database: print a preview of the result, or export it with -o")
        .long_about(
            "Run SQL on a database.\n\n\
             Without -o, the SQL runs as a query and its first N rows print as a table. With -o, \
             the whole result is exported and written as CSV (gzip when the name ends in .gz, \
             zip when it ends in .zip). The SQL comes from -c, -f, or standard input, read as \
             civis-python reads it: up to the first empty line (or the end). As civis-python's, \
             it says \"Executing query...\" on stderr, and -q prints nothing but errors (no \
             preview table either).\n\n\
             --script ID runs a saved SQL script instead (its parameters overridden with --arg \
             name=value) and writes its whole result to -o, or as CSV to standard output. \
             --unload DIR exports the result as several files and downloads every part into DIR, \
             four at a time, with manifest.json written last.\n\n\
             Without -d, the database is CIVIS_DATABASE, else the only one you can see; with \
             several and none set, the error lists them.",
        )
        .arg(
            Arg::new("dbname")
                .short('d')
                .long("dbname")
                .value_name("DATABASE")
                .help("The database's name or id (default: CIVIS_DATABASE, else the only one visible)"),
        )
        .args(sql_source_args("run"))
        .arg(
            Arg::new("script")
                .long("script")
                .value_name("ID")
                .value_parser(value_parser!(i64))
                .conflicts_with_all(["command", "filename"])
                .help("Run the saved SQL script ID and write its result (to -o, else stdout as CSV)"),
        )
        .arg(
            Arg::new("arg")
                .long("arg")
                .value_name("NAME=VALUE")
                .action(ArgAction::Append)
                .requires("script")
                .help("A value for a parameter of the --script (repeat for several)"),
        )
        .arg(
            Arg::new("unload")
                .long("unload")
                .value_name("DIR")
                .conflicts_with("output")
                .help("Export as several files and download every part, and manifest.json, into DIR"),
        )
        .arg(
            Arg::new("output")
                .short('o')
                .long("output")
                .value_name("OUT.csv")
                .help("Export the whole result to this file instead of printing a preview"),
        )
        .arg(
            Arg::new("n")
                .short('n')
                .value_name("ROWS")
                .default_value("100")
                .value_parser(value_parser!(u32).range(0..=1000))
                .help("How many rows to preview, at most 1000 (ignored with -o)"),
        )
        .arg(
            Arg::new("quiet")
                .short('q')
                .long("quiet")
                .action(ArgAction::SetTrue)
                .help(
                    "Suppress screen output: no messages, no preview table (as civis-python's -q)",
                ),
        )
        .arg(
            Arg::new("read-only")
                .long("read-only")
                .action(ArgAction::SetTrue)
                .help(
                    "Refuse, before any request, anything but a single select (or with ... select): \
                     DDL, DML, unload, copy, grants, several statements",
                ),
        )
}

/// `tables import`, given `Command::new("import")`.
pub fn import_command(command: Command) -> Command {
    command
        .about("Import a local CSV file into a table, and wait for the import")
        .arg(
            Arg::new("path")
                .value_name("PATH")
                .required(true)
                .help("The CSV file"),
        )
        .arg(
            Arg::new("database")
                .value_name("DATABASE")
                .required(true)
                .help("The database's name or id"),
        )
        .arg(
            Arg::new("table")
                .value_name("SCHEMA.TABLE")
                .required(true)
                .help("The table to create or load"),
        )
        .arg(
            Arg::new("existing-rows")
                .long("existing-rows")
                .value_name("MODE")
                .default_value("fail")
                .value_parser(["fail", "truncate", "append", "drop", "upsert"])
                .help("What to do when the table exists"),
        )
        .arg(
            Arg::new("primary-key")
                .long("primary-key")
                .value_name("COLUMN")
                .action(ArgAction::Append)
                .help("A primary key column (repeat for several; upsert needs them)"),
        )
        .arg(
            Arg::new("delimiter")
                .long("delimiter")
                .value_name("CHAR")
                .default_value(",")
                .value_parser([",", "|", "tab"])
                .help("The file's delimiter"),
        )
        .arg(
            Arg::new("no-header")
                .long("no-header")
                .action(ArgAction::SetTrue)
                .help("The file's first row is data, not column names"),
        )
}

fn text(matches: &ArgMatches, name: &str) -> String {
    matches.get_one::<String>(name).cloned().unwrap_or_default()
}

/// A database given as digits is an id, anything else a name.
pub(crate) fn database(given: &str) -> civis::NameOrId {
    match given.parse::<i64>() {
        Ok(id) => id.into(),
        Err(_) => given.into(),
    }
}

/// `-c SQL` and `-f FILE`, the two ways `civis sql` and `civis sql check` take their SQL (to
/// `what`: "run", "check"), which [`given_sql`] reads back.
pub(crate) fn sql_source_args(what: &str) -> [Arg; 2] {
    [
        Arg::new("command")
            .short('c')
            .long("command")
            .value_name("SQL")
            .conflicts_with("filename")
            .help(format!("The SQL to {what}")),
        Arg::new("filename")
            .short('f')
            .long("filename")
            .value_name("FILE")
            .help(format!("A file holding the SQL to {what}")),
    ]
}

/// The SQL of `-c SQL` or of `-f FILE` (`civis sql`, `civis sql check`), `None` when neither
/// is given.
pub(crate) fn given_sql(matches: &ArgMatches) -> Result<Option<String>, Error> {
    match (
        matches.get_one::<String>("command"),
        matches.get_one::<String>("filename"),
    ) {
        (Some(sql), _) => Ok(Some(sql.clone())),
        (None, Some(path)) => std::fs::read_to_string(path)
            .map(Some)
            .map_err(|source| Error::Io {
                path: path.clone(),
                source,
            }),
        (None, None) => Ok(None),
    }
}

/// Runs `civis sql` (`matches` are its own).
pub fn sql(matches: &ArgMatches) -> Result<(), Error> {
    let script = matches.get_one::<i64>("script").copied();
    let sql = match (script, given_sql(matches)?) {
        (Some(_), _) => String::new(),
        (None, Some(sql)) => sql,
        (None, None) => sql_from_stdin(std::io::stdin().lock())?,
    };
    let quiet = matches.get_flag("quiet");
    if script.is_none() && sql.trim().is_empty() {
        return Err(Error::Usage(
            "no SQL given: use -c SQL, -f FILE, --script ID or standard input".into(),
        ));
    }
    if !quiet {
        eprintln!("\nExecuting query...");
    }
    let client = ApiClient::new()?;
    // Without -d, the client's default database (CIVIS_DATABASE, else the only one visible).
    let given = matches.get_one::<String>("dbname").map(|d| database(d));
    let mut statement = match script {
        Some(id) => script_arguments(client.sql_script(id), matches)?,
        None => client.sql(sql, given),
    };
    if matches.get_flag("read-only") {
        statement = statement.read_only();
    }
    if let Some(dir) = matches.get_one::<String>("unload") {
        let parts = statement.unload()?.download_to(&client, dir)?;
        if !quiet {
            eprintln!(
                "Downloaded {} parts of the result, and manifest.json, to {dir}.",
                parts.len()
            );
        }
        return Ok(());
    }
    if script.is_some() && matches.get_one::<String>("output").is_none() {
        let stdout = std::io::stdout();
        statement.to_writer(&mut stdout.lock())?;
        return Ok(());
    }
    match matches.get_one::<String>("output") {
        Some(output) => {
            let compression = if output.ends_with(".gz") {
                civis::sql::Compression::Gzip
            } else if output.ends_with(".zip") {
                civis::sql::Compression::Zip
            } else {
                civis::sql::Compression::None
            };
            statement.compression(compression).to_csv(output)?;
            if !quiet {
                // On stderr, so that standard output holds only results.
                eprintln!("Downloaded the result of the query to {output}.");
            }
            Ok(())
        }
        None => {
            let n = matches.get_one::<u32>("n").copied().unwrap_or(100);
            let result = statement.preview(n)?;
            if quiet {
                return Ok(());
            }
            eprintln!("...Query complete.\n");
            let table = preview_table(&result.columns, &result.rows);
            writeln!(std::io::stdout().lock(), "{table}").map_err(|source| Error::Io {
                path: "stdout".into(),
                source,
            })
        }
    }
}

/// The saved script's `--arg NAME=VALUE`s, given to it as text (a parameter of type integer,
/// float or bool reads its text as one).
fn script_arguments<'c>(
    mut statement: civis::sql::SqlBuilder<'c>,
    matches: &ArgMatches,
) -> Result<civis::sql::SqlBuilder<'c>, Error> {
    for given in matches.get_many::<String>("arg").into_iter().flatten() {
        let Some((name, value)) = given.split_once('=') else {
            return Err(Error::Usage(format!("--arg {given:?} is not NAME=VALUE")));
        };
        statement = statement.arg(name.trim(), value);
    }
    Ok(statement)
}

/// The SQL on standard input as civis-python's `civis sql` reads it: lines up to the first
/// empty one, or the end (a heredoc).
fn sql_from_stdin(input: impl std::io::BufRead) -> Result<String, Error> {
    let mut lines = Vec::new();
    for line in input.lines() {
        let line = line.map_err(|source| Error::Io {
            path: "stdin".into(),
            source,
        })?;
        let line = line.trim_end_matches('\r').to_string();
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

/// civis-python's `_str_table_result`: the header left-aligned, a line of dashes as long as
/// the header line, the values right-aligned, columns joined by ` | `, each as wide as its
/// widest value (in characters); `NULL` as an empty cell.
pub(crate) fn preview_table(columns: &[String], rows: &[Vec<Option<String>>]) -> String {
    let cells: Vec<Vec<&str>> = rows
        .iter()
        .map(|row| row.iter().map(|v| v.as_deref().unwrap_or("")).collect())
        .collect();
    let mut widths: Vec<usize> = columns.iter().map(|c| c.chars().count()).collect();
    for row in &cells {
        for (width, value) in widths.iter_mut().zip(row) {
            *width = (*width).max(value.chars().count());
        }
    }
    let line = |values: Vec<String>| values.join(" | ");
    let header = line(
        columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect(),
    );
    let mut lines = vec![header.clone(), "-".repeat(header.chars().count())];
    for row in &cells {
        lines.push(line(
            row.iter()
                .zip(&widths)
                .map(|(v, w)| format!("{v:>w$}"))
                .collect(),
        ));
    }
    lines.join("\n")
}

/// Runs `civis tables import` (`matches` are its own).
pub fn import(matches: &ArgMatches) -> Result<(), Error> {
    let client = ApiClient::new()?;
    let mode = ExistingRows::from_api(&text(matches, "existing-rows")).unwrap_or_default();
    let delimiter = match text(matches, "delimiter").as_str() {
        "tab" => '\t',
        "|" => '|',
        _ => ',',
    };
    let table = text(matches, "table");
    let mut import = client
        .import_csv(
            text(matches, "path"),
            database(&text(matches, "database")),
            &table,
        )
        .existing_rows(mode)
        .delimiter(delimiter);
    if let Some(keys) = matches.get_many::<String>("primary-key") {
        import = import.primary_keys(keys.cloned());
    }
    if matches.get_flag("no-header") {
        import = import.header(false);
    }
    let run = import.send()?;
    let finished = run.wait()?;
    super::output::line(format_args!(
        "Imported into {table} (job {} / run {}, {})",
        finished.job_id, finished.run_id, finished.state
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_input_is_read_up_to_the_first_empty_line() {
        let sql = sql_from_stdin(&b"select 1\nfrom t\n\nignored\n"[..]).unwrap();
        assert_eq!(sql, "select 1\nfrom t");
        assert_eq!(sql_from_stdin(&b"select 2"[..]).unwrap(), "select 2");
    }

    #[test]
    fn the_preview_table_is_civis_pythons() {
        let columns = vec!["id".to_string(), "name".to_string()];
        let rows = vec![
            vec![Some("1".to_string()), Some("Ada".to_string())],
            vec![Some("200".to_string()), None],
        ];
        assert_eq!(
            preview_table(&columns, &rows),
            "id  | name\n----------\n  1 |  Ada\n200 |     "
        );
    }
}
