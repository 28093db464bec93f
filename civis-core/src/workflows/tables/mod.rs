//! CSV files into tables, and tables between databases: civis-python's `csv_to_civis`,
//! `civis_file_to_table` and `transfer_table`, as
//! [`Client::import_csv`](crate::Client::import_csv),
//! [`Client::import_files`](crate::Client::import_files) (an [`ImportBuilder`]) and
//! [`Client::transfer_table`](crate::Client::transfer_table) (a [`TransferBuilder`]).
//!
//! ```no_run
//! # extern crate civis_core as civis;
//! # fn main() -> Result<(), civis::Error> {
//! let client = civis::Client::new()?;
//! client
//!     .import_csv("scores.csv", "redshift-general", "analytics.scores")
//!     .existing_rows(civis::tables::ExistingRows::Append)
//!     .send()?
//!     .wait()?;
//! # Ok(()) }
//! ```
//!
//! Each ends in `.send()`, which returns the import's [`Run`](crate::runs::Run) without waiting,
//! so a script can start several and then wait.

mod cleaning;
pub(crate) mod frame_import;
mod import;
mod scan;
mod transfer;

use serde::{Deserialize, Serialize};

use crate::data::error::Error;
use crate::data::names::NameOrId;
use crate::transport::client::Client;

pub use crate::data::names::split_schema_tablename;
pub use crate::data::sql_types::{SqlType, MAX_VARCHAR};
pub use frame_import::IMPORT_CHUNK_BYTES;
pub use import::ImportBuilder;
pub use scan::{ScannedTable, SCAN_TIMEOUT};
pub use transfer::TransferBuilder;

/// What an import does when the table exists (`existing_table_rows`); when it does not, every
/// mode creates it.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::tables::ExistingRows::default(), civis::tables::ExistingRows::Fail);
/// assert_eq!(civis::tables::ExistingRows::Upsert.as_api(), "upsert");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExistingRows {
    /// The import fails (civis-python's default).
    #[default]
    Fail,
    /// The table's rows are deleted, its columns kept, then the new rows loaded.
    Truncate,
    /// The new rows are added.
    Append,
    /// The table is dropped and made anew from the file's columns.
    Drop,
    /// Rows whose primary keys match are replaced, the others added; needs
    /// [`primary_keys`](ImportBuilder::primary_keys).
    Upsert,
}

impl ExistingRows {
    /// The API's name of the mode.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert_eq!(civis::tables::ExistingRows::Truncate.as_api(), "truncate");
    /// ```
    pub fn as_api(self) -> &'static str {
        match self {
            Self::Fail => "fail",
            Self::Truncate => "truncate",
            Self::Append => "append",
            Self::Drop => "drop",
            Self::Upsert => "upsert",
        }
    }

    /// The mode the API names `name`, if any.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert_eq!(civis::tables::ExistingRows::from_api("append"), Some(civis::tables::ExistingRows::Append));
    /// assert_eq!(civis::tables::ExistingRows::from_api("merge"), None);
    /// ```
    pub fn from_api(name: &str) -> Option<Self> {
        Some(match name {
            "fail" => Self::Fail,
            "truncate" => Self::Truncate,
            "append" => Self::Append,
            "drop" => Self::Drop,
            "upsert" => Self::Upsert,
            _ => return None,
        })
    }
}

/// A column of a table to create: its name and SQL type (`tableColumns`), or its name alone
/// ([`TableColumn::named`]), when an import should detect the types but take these names.
///
/// ```
/// # extern crate civis_core as civis;
/// let id = civis::tables::TableColumn::new("id", "INTEGER");
/// assert_eq!(id.sql_type, "INTEGER");
/// assert!(!civis::tables::TableColumn::named("id").has_type());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableColumn {
    /// The column's name.
    pub name: String,
    /// Its SQL type, e.g. `VARCHAR(256)`, `INTEGER`, `DOUBLE PRECISION`; empty for a column
    /// given by name alone, which is then sent without one (as civis-python sends a
    /// `{"name": ..}` with no `sql_type`).
    #[serde(
        rename = "sql_type",
        alias = "sqlType",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub sql_type: String,
}

impl TableColumn {
    /// The column's type as typed results read it (see [`SqlType`]; unknown types are text).
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use civis::tables::{SqlType, TableColumn};
    /// assert_eq!(TableColumn::new("n", "numeric(9,3)").value_type(), SqlType::Numeric { precision: 9, scale: 3 });
    /// ```
    pub fn value_type(&self) -> SqlType {
        SqlType::parse(&self.sql_type)
    }

    /// A column called `name` of type `sql_type`.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// let name = civis::tables::TableColumn::new("name", "VARCHAR(100)");
    /// ```
    pub fn new(name: impl Into<String>, sql_type: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            sql_type: sql_type.into(),
        }
    }

    /// A column called `name` with no SQL type: an import into a new (or dropped) table then
    /// detects every type, as civis-python does for `table_columns` without `sql_type`; an
    /// import into a table that exists keeps the table's. Either every column of an import has
    /// a type or none has.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// let id = civis::tables::TableColumn::named("id");
    /// assert_eq!(id.sql_type, "");
    /// ```
    pub fn named(name: impl Into<String>) -> Self {
        Self::new(name, "")
    }

    /// Whether the column has a SQL type (not one made with [`TableColumn::named`]).
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert!(civis::tables::TableColumn::new("id", "INTEGER").has_type());
    /// ```
    pub fn has_type(&self) -> bool {
        !self.sql_type.trim().is_empty()
    }
}

/// When an import's rows reach the table (`execution`).
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::tables::Execution::default().as_api(), "immediate");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Execution {
    /// The rows are moved into the table as soon as they are loaded (the default, as in
    /// civis-python).
    #[default]
    Immediate,
    /// The rows are loaded into a staging table and moved into the table after a short
    /// delay, so that several imports (upserts, say) into one table can run at once.
    Delayed,
}

impl Execution {
    /// The API's name of the mode.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert_eq!(civis::tables::Execution::Delayed.as_api(), "delayed");
    /// ```
    pub fn as_api(self) -> &'static str {
        match self {
            Self::Immediate => "immediate",
            Self::Delayed => "delayed",
        }
    }
}

/// `GET /tables/{id}`, the part typed results need.
#[derive(Debug, Deserialize)]
struct DescribedTable {
    #[serde(default)]
    columns: Vec<TableColumn>,
}

impl Client {
    /// The columns of `table` (`"schema.table"`) of `database` (name or id), in order, with
    /// their SQL types as the API describes them (`GET /tables/{id}`, the id found with
    /// [`get_table_id`](Client::get_table_id)).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for column in client.table_columns("public.users", "redshift-general")? {
    ///     println!("{} {} -> {:?}", column.name, column.sql_type, column.value_type());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn table_columns(
        &self,
        table: &str,
        database: impl Into<NameOrId>,
    ) -> Result<Vec<TableColumn>, Error> {
        let id = self.get_table_id(table, database)?;
        let described: DescribedTable = self.get_json(&format!("/tables/{id}"), &[])?;
        Ok(described.columns)
    }
}
