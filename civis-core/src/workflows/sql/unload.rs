//! `to_civis_file()` and `unload()`: exports left in Civis (civis-python's
//! `export_to_civis_file` and `civis_to_multifile_csv`).

use super::export::{export_output, output_file, ExportOutput};
use super::SqlBuilder;
use crate::data::error::Error;
use crate::workflows::csv::UnloadManifest;
use crate::workflows::runs::Started;

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
