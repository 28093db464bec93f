//! `civis tables scan`: the table scanner on one table, so that the API knows it and its
//! column types (civis-r's `refresh_table`).

use clap::{Arg, ArgMatches, Command};

use super::output::Format;
use civis::Error;

/// `tables scan`, given `Command::new("scan")`.
pub fn scan_command(command: Command) -> Command {
    command
        .about("Scan a table so that the API knows it and its column types; print them")
        .long_about(
            "Scan a table so that the API knows it and its column types (POST /tables/scan, \
             civis-r's refresh_table), then print its id and columns.\n\n\
             A table made by SQL, or by an import told not to scan, is unknown to the API \
             until it is scanned. The scan is waited on for 15 minutes at most.",
        )
        .arg(
            Arg::new("dbname")
                .short('d')
                .long("dbname")
                .value_name("DB")
                .required(true)
                .help("The database's name or id"),
        )
        .arg(
            Arg::new("table")
                .value_name("SCHEMA.TABLE")
                .required(true)
                .help("The table to scan"),
        )
}

/// Runs `tables scan` (`m` are its own matches).
pub fn scan(m: &ArgMatches, format: Format) -> Result<(), Error> {
    let client = super::client()?;
    let text = |name: &str| m.get_one::<String>(name).cloned().unwrap_or_default();
    let table = client.scan_table(super::sql::database(&text("dbname")), &text("table"))?;
    let described = serde_json::to_value(&table)
        .map_err(|e| Error::Usage(format!("the table cannot be printed as JSON: {e}")))?;
    format.print(&described)
}
