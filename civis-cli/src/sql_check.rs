//! `civis sql check`: what `civis::query!` would make of a query, without cargo and without the
//! network: each output column's name, SQL type, nullability and Rust type, from the pins of
//! `.civis/` (see [`crate::pins`]), or exactly the error the macro would give.

use std::io::Write;

use clap::{Arg, ArgMatches, Command};
use serde_json::json;

use civis::Error;
use civis_sql::{OutputColumn, SqlConfig};

use crate::output::{stdout_error, Format};

/// `sql check`, given `Command::new("check")`.
pub fn check_command(command: Command) -> Command {
    let [sql, file] = crate::sql::sql_source_args("check");
    command
        .about("Check SQL as civis::query! does, against the pinned tables of .civis/ (no network): print each column's name, SQL type, nullability and Rust type, or the macro's error")
        .long_about(
            "Check SQL as civis::query! does at compile time, against the pinned tables of the \
             nearest .civis/ (see `civis tables pin`), with no network and no cargo: print each \
             output column's name, SQL type, nullability and Rust type, or exactly the error \
             the macro would give (exit 4). --json-output prints the columns as JSON.",
        )
        .arg(
            Arg::new("database")
                .short('d')
                .long("dbname")
                .value_name("DATABASE")
                .help("The database, as the query names it (default: default_database of .civis/sql.toml)"),
        )
        .arg(sql.required_unless_present("filename"))
        .arg(file)
}

/// Runs `civis sql check` (`matches` are its own).
pub fn check(matches: &ArgMatches, format: Format) -> Result<(), Error> {
    let sql = crate::sql::given_sql(matches)?
        .ok_or_else(|| Error::Usage("give the SQL with -c SQL or -f FILE".into()))?;
    let catalog = crate::pins::project_catalog()?;
    let database = matches
        .get_one::<String>("database")
        .cloned()
        .or_else(|| catalog.config().default_database.clone())
        .ok_or_else(|| {
            Error::Usage(
                "no database: give -d DATABASE, or set default_database in .civis/sql.toml".into(),
            )
        })?;
    let analysis = civis_sql::analyze(&sql, &database, &catalog)
        .map_err(|error| Error::Config(error.render(&sql)))?;
    let rows: Vec<[String; 4]> = analysis
        .columns
        .iter()
        .map(|column| {
            [
                column.name.clone(),
                column.ty.sql_name(),
                if column.nullable { "yes" } else { "no" }.to_string(),
                rust_type(column, catalog.config()),
            ]
        })
        .collect();
    if format == Format::JsonCompact || format == Format::Yaml {
        let columns: Vec<_> = rows
            .iter()
            .map(|[name, sql_type, nullable, rust]| {
                json!({"name": name, "sqlType": sql_type, "nullable": nullable == "yes", "rustType": rust})
            })
            .collect();
        return format.print(&json!(columns));
    }
    let table = aligned(&["column", "sql type", "nullable", "rust type"], &rows);
    let mut out = std::io::stdout().lock();
    out.write_all(table.as_bytes())
        .and_then(|()| out.flush())
        .map_err(stdout_error)?;
    for used in &analysis.tables {
        let when = if used.pinned_at.is_empty() {
            String::new()
        } else {
            format!(", refreshed {}", used.pinned_at)
        };
        eprintln!("civis: read {} ({}{when})", used.name, used.pin.display());
    }
    Ok(())
}

/// The Rust type the macro gives `column`, as shown to a user (`Option<Decimal>`).
fn rust_type(column: &OutputColumn, config: &SqlConfig) -> String {
    civis_sql::rust_type(column, config).display
}

/// `rows` under `header`, each column as wide as its widest cell, two spaces apart.
fn aligned(header: &[&str; 4], rows: &[[String; 4]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut text = line(header.to_vec());
    for row in rows {
        text += &line(row.iter().map(String::as_str).collect());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_are_aligned_under_their_header() {
        let rows = [[
            "amount".to_string(),
            "numeric(12,2)".to_string(),
            "yes".to_string(),
            "Option<Decimal>".to_string(),
        ]];
        assert_eq!(
            aligned(&["column", "sql type", "nullable", "rust type"], &rows),
            "column  sql type       nullable  rust type\n\
             amount  numeric(12,2)  yes       Option<Decimal>\n"
        );
    }
}
