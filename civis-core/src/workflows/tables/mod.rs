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

mod import;
mod transfer;

use serde::{Deserialize, Serialize};

pub use crate::data::names::split_schema_tablename;
pub use import::ImportBuilder;
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

/// A column of a table to create: its name and SQL type (`tableColumns`).
///
/// ```
/// # extern crate civis_core as civis;
/// let id = civis::tables::TableColumn::new("id", "INTEGER");
/// assert_eq!(id.sql_type, "INTEGER");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableColumn {
    /// The column's name.
    pub name: String,
    /// Its SQL type, e.g. `VARCHAR(256)`, `INTEGER`, `DOUBLE PRECISION`.
    #[serde(rename = "sql_type", alias = "sqlType")]
    pub sql_type: String,
}

impl TableColumn {
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
}
