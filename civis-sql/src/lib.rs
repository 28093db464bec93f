//! SQL analysis for `civis::query!` and the `civis` command line: a Redshift `SELECT` parsed
//! (sqlparser's Redshift dialect), its names resolved against pinned table metadata
//! (`.civis/tables/<database>/<schema>.<table>.json`, each the API's `GET /tables/{id}`
//! answer), and every output column typed by Redshift's documented rules. No transport, no
//! database, no network: it runs inside the compiler.
//!
//! [`analyze`] is the whole analysis, in four steps, each its own module:
//! - `params`: the Civis parameters `{{name}}`, found before parsing; an unquoted one is
//!   rewritten to a positional parameter `$N` of the same length, so that every offset stays
//!   the user's, and typed by its context (as a bare `NULL` is);
//! - `parse`: the only caller of sqlparser (Redshift dialect): one `select`, or an error at
//!   its line and column;
//! - `resolve`: names to columns (scopes, joins, CTEs, subqueries, set operations) and
//!   expressions to the [`rules`], with the [`Catalog`]'s pins;
//! - `output`: the output columns, sqlx's alias overrides applied, each name a Rust field.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = std::env::temp_dir().join(format!("civis-sql-doc-{}", std::process::id()));
//! let tables = dir.join(".civis/tables/redshift-general");
//! std::fs::create_dir_all(&tables)?;
//! std::fs::write(
//!     tables.join("sales.orders.json"),
//!     r#"{"schema": "sales", "name": "orders", "lastRefresh": "2024-03-01",
//!         "columns": [{"name": "id", "sqlType": "bigint", "order": 1},
//!                     {"name": "amount", "sqlType": "numeric(12,2)", "order": 2}],
//!         "tableDef": "CREATE TABLE sales.orders (id bigint NOT NULL, amount numeric(12,2))"}"#,
//! )?;
//! let catalog = civis_sql::Catalog::find(&dir)?;
//! let sql = "select id, sum(amount) as total from sales.orders where id > {{min}} group by id";
//! let analysis = civis_sql::analyze(sql, "redshift-general", &catalog)?;
//! let columns: Vec<String> = analysis
//!     .columns
//!     .iter()
//!     .map(|c| format!("{}: {}", c.name, civis_sql::rust_type(c, catalog.config()).display))
//!     .collect();
//! assert_eq!(columns, ["id: i64", "total: Option<Decimal>"]);
//!
//! let error = civis_sql::analyze("select amout from sales.orders", "redshift-general", &catalog)
//!     .expect_err("a misspelt column");
//! assert_eq!(
//!     error.render("select amout from sales.orders"),
//!     "unknown column `amout` in `orders` (sales.orders, pinned 2024-03-01)
//!  --> line 1, column 8
//!   |
//! 1 | select amout from sales.orders
//!   |        ^
//! help: the closest: `orders.amount`"
//! );
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok(())
//! # }
//! ```

pub mod catalog;
pub mod config;
mod error;
mod names;
mod offsets;
mod output;
mod params;
mod parse;
mod resolve;
pub mod rules;
mod rust_type;
mod tables;
#[cfg(test)]
mod test_support;

pub use catalog::{Catalog, CatalogError, PinnedColumn, PinnedTable};
pub use civis_core::__private::sql_types::SqlType;
pub use config::SqlConfig;
pub use error::SqlError;
pub use rust_type::{rust_type, RustType};

/// What the analysis of one query found.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Analysis {
    /// The output columns, in order.
    pub columns: Vec<OutputColumn>,
    /// The `{{name}}` placeholders, in order of first appearance (each name once).
    pub placeholders: Vec<Placeholder>,
    /// The pinned tables the query reads (each once), for the compiler to re-run the macro
    /// when one changes and for run-time errors to name them.
    pub tables: Vec<TableUse>,
    /// The SQL to send: the user's, with sqlx's overrides taken out of the aliases
    /// (`as "amount: f64"` runs as `as "amount"`), so that the export's header is the
    /// columns' names. Placeholders are left for Civis to fill.
    pub run_sql: String,
}

/// One output column of a query.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OutputColumn {
    /// Its name as Redshift reports it (lower case; an alias's override suffix removed).
    pub name: String,
    /// Its type, as Redshift's rules give it.
    pub ty: rules::Ty,
    /// Whether it can be NULL.
    pub nullable: bool,
    /// A Rust type given in the alias (`as "amount: f64"`), as written.
    pub rust_override: Option<String>,
}

/// A `{{name}}` placeholder in the SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The name between the braces.
    pub name: String,
    /// Whether it sits inside a quoted string (`'{{name}}'`), i.e. takes a string.
    pub quoted: bool,
    /// Byte offset of its first appearance in the SQL.
    pub offset: usize,
}

/// A pinned table a query reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableUse {
    /// `schema.table`, lower case.
    pub name: String,
    /// The pin file it was read from.
    pub pin: std::path::PathBuf,
    /// When it was pinned, as the pin says (may be empty).
    pub pinned_at: String,
}

/// A table named in a query, as written (lower case), for `civis tables pin --from-sources`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TableName {
    /// The schema, when the name has one.
    pub schema: Option<String>,
    /// The table.
    pub table: String,
}

/// Analyzes `sql` as it would run in `database` (the catalog's `default_database` when
/// `database` is empty), against the pins of `catalog`.
pub fn analyze(sql: &str, database: &str, catalog: &Catalog) -> Result<Analysis, SqlError> {
    let database = match (database, &catalog.config().default_database) {
        ("", Some(default)) => default.as_str(),
        ("", None) => {
            return Err(SqlError::new("no database given", None).with_help(format!(
                "name the database the SQL runs in, or set `default_database = \"name\"` in {}",
                catalog.root().join("sql.toml").display()
            )))
        }
        (given, _) => given,
    };
    let scanned = params::scan(sql)?;
    let query = parse::parse_select(&scanned.sql).map_err(|e| params::restore(e, &scanned))?;
    // The rewrite keeps every line and column, so offsets and quoted text are the user's.
    let mut resolver = resolve::Resolver::new(sql, database, catalog, &scanned);
    let outputs = resolver.top(&query)?;
    let tables = std::mem::take(&mut resolver.tables);
    let columns = output::columns(&outputs)?;
    let run_sql = output::run_sql(sql, &outputs);
    Ok(Analysis {
        columns,
        placeholders: scanned.placeholders,
        tables,
        run_sql,
    })
}

/// The tables `sql` reads (not its CTEs), for pinning them before any analysis: each once,
/// sorted, lower case, the schema as written (`None` means Redshift's `public`).
pub fn tables_read(sql: &str) -> Result<Vec<TableName>, SqlError> {
    let scanned = params::scan(sql)?;
    let query = parse::parse_select(&scanned.sql).map_err(|e| params::restore(e, &scanned))?;
    Ok(tables::tables_read(&query))
}
