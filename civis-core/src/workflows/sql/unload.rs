//! `to_civis_file()` and `unload()`: exports left in Civis (civis-python's
//! `export_to_civis_file` and `civis_to_multifile_csv`).

use serde::{Deserialize, Serialize};

use super::export::{export_output, output_file};
use super::SqlBuilder;
use crate::data::error::Error;
use crate::data::response::Response;
use crate::workflows::runs::Started;

/// The manifest of a multifile export ([`SqlBuilder::unload`]), as the platform writes it (an
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

/// What an export left in Civis, in full: [`SqlBuilder::to_civis_file_output`], as
/// civis-python's `export_to_civis_file(..).result()` gives it (the run, whose
/// `output[0]` has the file's id, name and path).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let output = client.sql("select * from t", 32).to_civis_file_output()?;
/// println!("{} is file {} ({})", output.output_name, output.file_id, output.path);
/// assert_eq!(output.run.get("output").unwrap()[0]["file_id"], output.file_id);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ExportOutput {
    /// The export's SQL script (its job id).
    pub script_id: i64,
    /// The run of it that exported.
    pub run_id: i64,
    /// The Civis file the export left (`output[0].file_id`).
    pub file_id: i64,
    /// Its name (`output[0].output_name`).
    pub output_name: String,
    /// A URL to download it while it lasts (`output[0].path`).
    pub path: String,
    /// The finished run as `GET /scripts/sql/{id}/runs/{run_id}` answers it, snake_case.
    pub run: Response,
}

impl SqlBuilder<'_> {
    /// Exports the result to a Civis file, with the chosen compression, and returns the file's
    /// id: civis-python's `export_to_civis_file`. Read it later with
    /// [`Client::download_file`](crate::Client::download_file).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.sql("select * from t", 32).to_civis_file()?;
    /// client.download_file(file_id).to_path("t.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn to_civis_file(self) -> Result<i64, Error> {
        self.start_to_civis_file()?.wait()
    }

    /// [`to_civis_file`](Self::to_civis_file), started without waiting: civis-python's
    /// `export_to_civis_file`, whose future this is. The file's id comes from
    /// [`Started::wait`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let export = client.sql("select * from t", 32).start_to_civis_file()?;
    /// let file_id = export.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn start_to_civis_file(self) -> Result<Started<i64>, Error> {
        let run = self.start_export(self.compression, false)?;
        Ok(Started::new(run, |run, _| output_file(run)))
    }

    /// [`to_civis_file`](Self::to_civis_file) in full: the file's id, name and download path
    /// and the finished run, as civis-python's `export_to_civis_file(..).result()` gives them.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let output = client.sql("select * from t", 32).to_civis_file_output()?;
    /// println!("run {} of script {} left {}", output.run_id, output.script_id, output.output_name);
    /// # Ok(()) }
    /// ```
    pub fn to_civis_file_output(self) -> Result<ExportOutput, Error> {
        self.start_to_civis_file_output()?.wait()
    }

    /// [`to_civis_file_output`](Self::to_civis_file_output), started without waiting.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let export = client.sql("select * from t", 32).start_to_civis_file_output()?;
    /// let output = export.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn start_to_civis_file_output(self) -> Result<Started<ExportOutput>, Error> {
        let run = self.start_export(self.compression, false)?;
        Ok(Started::new(run, |run, _| export_output(run)))
    }

    /// Exports the result as several files (`force_multifile`), with the chosen compression,
    /// and returns the export's manifest: civis-python's `civis_to_multifile_csv`. The files
    /// stay in Civis; each entry names one by id.
    ///
    /// civis-python's default delimiter here is `|`; this keeps the builder's (`,` unless
    /// [`delimiter`](Self::delimiter) says otherwise), as every other ending does: give
    /// `.delimiter('|')` for civis-python's files. [`max_file_size`](Self::max_file_size) and
    /// [`filename_prefix`](Self::filename_prefix) are civis-python's `max_file_size` and
    /// `prefix`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let manifest = client
    ///     .sql("select * from big_table", 32)
    ///     .delimiter('|')
    ///     .compression(civis::sql::Compression::Gzip)
    ///     .unload()?;
    /// println!("{} files, columns {:?}", manifest.entries.len(), manifest.header);
    /// # Ok(()) }
    /// ```
    pub fn unload(self) -> Result<UnloadManifest, Error> {
        self.start_unload()?.wait()
    }

    /// [`unload`](Self::unload), started without waiting; the manifest comes from
    /// [`Started::wait`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let unload = client.sql("select * from big_table", 32).start_unload()?;
    /// let manifest = unload.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn start_unload(self) -> Result<Started<UnloadManifest>, Error> {
        let run = self.start_export(self.compression, true)?;
        Ok(Started::new(run, |run, _| {
            let manifest = output_file(run)?;
            run.client().download_file(manifest).json()
        }))
    }
}
