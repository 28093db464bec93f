//! The manifest of a multifile export: its columns and the files that hold its parts, in order,
//! and all of it downloaded into a folder.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::error::Error;
use crate::transport::client::Client;
use crate::workflows::files::parallel::each_at_most;
use crate::workflows::files::partial::PartialFile;

/// How many parts [`UnloadManifest::download_to`] downloads at once.
pub const UNLOAD_DOWNLOADS_AT_ONCE: usize = 4;

/// The name of the manifest [`UnloadManifest::download_to`] writes beside the parts.
pub const MANIFEST_FILE_NAME: &str = "manifest.json";

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

impl UnloadManifest {
    /// Downloads every part of the export into the folder `dir` (created if missing), each
    /// under its name in the manifest, and then writes the manifest beside them as
    /// [`MANIFEST_FILE_NAME`] (`manifest.json`): civis-r's `download_civis(split = TRUE)`.
    /// Returns the parts' paths, in the manifest's order.
    ///
    /// Bounds: [`UNLOAD_DOWNLOADS_AT_ONCE`] (4) parts download at once, each on its own
    /// thread, streamed to disk (memory does not grow with the parts' sizes). Each part is
    /// written as [`DownloadBuilder::to_path`](crate::files::DownloadBuilder::to_path) writes
    /// a file: under a temporary name, renamed once complete, and a part whose download was
    /// cut off goes on from where it stopped when this is called again. The manifest is
    /// written last, the same way, so its presence in `dir` means every part is complete. The
    /// first failure stops new parts from starting, lets those under way finish, and is
    /// returned (the manifest is then not written). A name that is not a plain file name
    /// (a path, `..`), two parts of one name, or a part called `manifest.json` is refused
    /// before anything is downloaded.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let manifest = client.sql("select * from big_table", 32).unload()?;
    /// let parts = manifest.download_to(&client, "big_table")?;
    /// println!("{} parts, and big_table/manifest.json", parts.len());
    /// # Ok(()) }
    /// ```
    pub fn download_to(
        &self,
        client: &Client,
        dir: impl AsRef<Path>,
    ) -> Result<Vec<PathBuf>, Error> {
        let dir = dir.as_ref();
        let paths = self.part_paths(dir)?;
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        // After a failure no other part starts; the earliest failed part's error is given.
        let downloaded = each_at_most(self.entries.len(), UNLOAD_DOWNLOADS_AT_ONCE, |index| {
            client
                .download_file(self.entries[index].id)
                .to_path(&paths[index])
                .map(drop)
        });
        if let Err((index, error)) = downloaded {
            log::warn!(
                "part {} of {} ({}) did not download; the others that did are kept, and {MANIFEST_FILE_NAME} is not written",
                index + 1,
                self.entries.len(),
                self.entries[index].name
            );
            return Err(error);
        }
        let manifest_path = dir.join(MANIFEST_FILE_NAME);
        let shown = manifest_path.display().to_string();
        let text = serde_json::to_vec_pretty(self).map_err(|e| Error::Io {
            path: shown.clone(),
            source: std::io::Error::other(e),
        })?;
        let mut partial = PartialFile::create(&manifest_path)?;
        partial
            .file()
            .write_all(&text)
            .and_then(|()| partial.file().sync_all())
            .map_err(|source| Error::Io {
                path: shown.clone(),
                source,
            })?;
        partial.commit()?;
        log::info!(
            "{} parts of the export and {MANIFEST_FILE_NAME} are in {}",
            paths.len(),
            dir.display()
        );
        Ok(paths)
    }

    /// Where each part goes in `dir`: its name, checked to be a plain file name, unique and
    /// not the manifest's.
    fn part_paths(&self, dir: &Path) -> Result<Vec<PathBuf>, Error> {
        let mut seen = HashSet::new();
        self.entries
            .iter()
            .map(|entry| {
                let name = entry.name.as_str();
                let plain = Path::new(name)
                    .file_name()
                    .is_some_and(|file_name| file_name == name)
                    && !name.contains(['/', '\\'])
                    && name != "."
                    && name != "..";
                if !plain {
                    return Err(Error::Usage(format!(
                        "part {} of the export is named {name:?}, which is not a plain file name: it is not written outside {}",
                        entry.id,
                        dir.display()
                    )));
                }
                if name == MANIFEST_FILE_NAME || !seen.insert(name) {
                    return Err(Error::Usage(format!(
                        "two files of the export would be {name:?} in {}",
                        dir.display()
                    )));
                }
                Ok(dir.join(name))
            })
            .collect()
    }
}
