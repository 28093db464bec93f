//! The manifest of a multifile export: its columns and the files that hold its parts, in order.

use serde::{Deserialize, Serialize};

/// The manifest of a multifile export ([`SqlBuilder::unload`](crate::sql::SqlBuilder::unload)), as the platform writes it (an
/// AWS-style unload manifest, civis-python's `unload_manifest`).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let manifest = client.sql("select * from big_table", 32).unload()?;
/// for entry in &manifest.entries {
///     client.download_file(entry.id).to_path(&entry.name)?;
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnloadManifest {
    /// The query that was exported.
    #[serde(default)]
    pub query: String,
    /// The column names.
    #[serde(default)]
    pub header: Vec<String>,
    /// The files of the export, in order.
    #[serde(default)]
    pub entries: Vec<ManifestEntry>,
    /// Whether the fields are left unquoted.
    #[serde(default)]
    pub unquoted: bool,
    /// The files' compression (`none`, `gzip`, `zip`).
    #[serde(default)]
    pub compression: String,
    /// The files' delimiter (`comma`, `tab`, `pipe`, or the character).
    #[serde(default)]
    pub delimiter: String,
}

/// One file of a multifile export.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let manifest = client.sql("select 1", 32).unload()?;
/// let total: u64 = manifest.entries.iter().map(|e| e.size).sum();
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// The Civis file id: [`Client::download_file`](crate::Client::download_file) reads it.
    pub id: i64,
    /// The file's name.
    #[serde(default)]
    pub name: String,
    /// Its size in bytes.
    #[serde(default)]
    pub size: u64,
    /// Its unsigned storage URL (`s3://...`).
    #[serde(default)]
    pub url: String,
    /// A presigned URL to download it (it expires; `download_file(id)` does not).
    #[serde(default)]
    pub url_signed: String,
}
