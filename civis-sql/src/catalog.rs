//! The pinned catalog: `.civis/tables/<database>/<schema>.<table>.json`, each file exactly the
//! API's answer to `GET /tables/{id}`, found by walking up from the crate's directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use civis_core::__private::spec_files;

use crate::config::SqlConfig;

mod pin;
mod table_def;

pub use pin::parse_pin;

/// The pins and settings of one project's `.civis/` directory.
#[derive(Debug)]
pub struct Catalog {
    /// The `.civis` directory (may not exist: then nothing is pinned).
    root: PathBuf,
    config: SqlConfig,
    /// Pins already read, by file: a crate of many queries reads each pin once.
    pins: Mutex<BTreeMap<PathBuf, PinnedTable>>,
}

/// One pinned table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PinnedTable {
    /// The database directory it sits in (the name or id the queries give).
    pub database: String,
    /// Its schema, lower case.
    pub schema: String,
    /// Its name, lower case.
    pub name: String,
    /// Its columns, in the table's `order`.
    pub columns: Vec<PinnedColumn>,
    /// When the API last refreshed it, as the pin says (`refreshedAt`, else `lastRefresh`).
    pub pinned_at: String,
    /// The pin file.
    pub path: PathBuf,
}

/// One column of a pinned table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PinnedColumn {
    /// Its name, lower case.
    pub name: String,
    /// Its `sqlType`, as the API gives it (`character varying(256)`, `numeric(12,2)`).
    pub sql_type: String,
    /// Whether the table's `tableDef` declares it `NOT NULL`.
    pub not_null: bool,
}

/// Why the catalog or a pin cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// What is wrong, naming the file.
    pub message: String,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// The catalog of the project around `start` (a crate's `CARGO_MANIFEST_DIR`): the nearest
    /// `.civis/` at or above it, else an empty one rooted at `start/.civis`.
    pub fn find(start: &Path) -> Result<Self, CatalogError> {
        let root = spec_files::find_project_dir(start)
            .unwrap_or_else(|| start.join(spec_files::PROJECT_DIR));
        Self::open(&root)
    }

    /// The catalog in the `.civis` directory `root`; reads `root/sql.toml` when there is one.
    pub fn open(root: &Path) -> Result<Self, CatalogError> {
        let config_path = root.join("sql.toml");
        let config = match std::fs::read_to_string(&config_path) {
            Ok(text) => parse_config(&config_path, &text)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => SqlConfig::default(),
            Err(e) => {
                return Err(CatalogError {
                    message: format!("cannot read {}: {e}", config_path.display()),
                })
            }
        };
        Ok(Self {
            root: root.to_path_buf(),
            config,
            pins: Mutex::new(BTreeMap::new()),
        })
    }

    /// A catalog with the settings `config` (no `sql.toml` read), for tools and tests.
    pub fn with_config(root: &Path, config: SqlConfig) -> Self {
        Self {
            root: root.to_path_buf(),
            config,
            pins: Mutex::new(BTreeMap::new()),
        }
    }

    /// The `.civis` directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The `sql.toml` read, when there is one (for the macro to re-run when it changes, as it
    /// does for the pins it reads).
    pub fn config_path(&self) -> Option<PathBuf> {
        let path = self.root.join("sql.toml");
        path.is_file().then_some(path)
    }

    /// `.civis/sql.toml`, or the defaults when there is none.
    pub fn config(&self) -> &SqlConfig {
        &self.config
    }

    /// The pin of `schema.table` in `database`, when there is one. Names are matched in lower
    /// case (Redshift folds identifiers to lower case); each pin is read once.
    pub fn table(
        &self,
        database: &str,
        schema: &str,
        table: &str,
    ) -> Result<Option<PinnedTable>, CatalogError> {
        for (what, name) in [("database", database), ("schema", schema), ("table", table)] {
            // A name is a directory or file name under `.civis/tables`: never a path.
            if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
                return Err(CatalogError {
                    message: format!(
                        "the {what} name `{name}` cannot name a pin under {}: pins are read only for \
                         names without `/`, `\\` or a leading `.`",
                        self.root.join("tables").display()
                    ),
                });
            }
        }
        let path = self.pin_path(database, schema, table);
        if let Some(pinned) = self.cached(&path) {
            return Ok(Some(pinned));
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(CatalogError {
                    message: format!("cannot read {}: {e}", path.display()),
                })
            }
        };
        let pinned = parse_pin(database, &path, &text)?;
        let (schema, table) = (schema.to_lowercase(), table.to_lowercase());
        if pinned.schema != schema || pinned.name != table {
            return Err(CatalogError {
                message: format!(
                    "{} is the pin of `{}.{}`, not of `{schema}.{table}` as its file name says: \
                     re-pin it with `civis tables pin -d {database} {schema}.{table}`",
                    path.display(),
                    pinned.schema,
                    pinned.name,
                ),
            });
        }
        if let Ok(mut pins) = self.pins.lock() {
            pins.insert(path, pinned.clone());
        }
        Ok(Some(pinned))
    }

    fn cached(&self, path: &Path) -> Option<PinnedTable> {
        self.pins.lock().ok()?.get(path).cloned()
    }

    /// The tables pinned in `database`'s `schema` (their names without the schema), sorted,
    /// for "pinned in this schema: ...".
    pub fn tables_in_schema(&self, database: &str, schema: &str) -> Vec<String> {
        let prefix = format!("{}.", schema.to_lowercase());
        let Ok(entries) = std::fs::read_dir(self.root.join("tables").join(database)) else {
            return Vec::new();
        };
        let mut tables: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter_map(|file| {
                let table = file.strip_prefix(&prefix)?.strip_suffix(".json")?;
                (!table.is_empty()).then(|| table.to_owned())
            })
            .collect();
        tables.sort();
        tables
    }

    /// Every table pinned in `database`, as `(schema, table)`, sorted.
    pub fn pinned_tables(&self, database: &str) -> Vec<(String, String)> {
        let Ok(entries) = std::fs::read_dir(self.root.join("tables").join(database)) else {
            return Vec::new();
        };
        let mut tables: Vec<(String, String)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter_map(|file| {
                let (schema, table) = file.strip_suffix(".json")?.split_once('.')?;
                Some((schema.to_owned(), table.to_owned()))
            })
            .collect();
        tables.sort();
        tables
    }

    /// The file a pin of `schema.table` in `database` is (or would be) written to.
    pub fn pin_path(&self, database: &str, schema: &str, table: &str) -> PathBuf {
        self.root.join("tables").join(database).join(format!(
            "{}.{}.json",
            schema.to_lowercase(),
            table.to_lowercase()
        ))
    }
}

/// `sql.toml`'s text as settings; a mistake names the file, the line and the column.
fn parse_config(path: &Path, text: &str) -> Result<SqlConfig, CatalogError> {
    toml::from_str(text).map_err(|e| {
        let place = e
            .span()
            .map(|span| {
                let (line, column, _) = crate::offsets::line_col(text, span.start);
                format!(":{line}:{column}")
            })
            .unwrap_or_default();
        CatalogError {
            message: format!(
                "{}{place}: {}; the file may hold `default_database = \"name\"`, a [types] table \
                 (SQL type name = \"Rust type path\") and a [functions] table (function name = \
                 \"SQL type\")",
                path.display(),
                e.message().trim_end(),
            ),
        }
    })
}

#[cfg(test)]
mod tests;
