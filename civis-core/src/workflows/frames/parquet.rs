//! Typed results written as Parquet files (feature `parquet`): the Arrow record batches of
//! [`RecordBatches`] written row group by row group with the `parquet` crate's `ArrowWriter`,
//! under a temporary name renamed onto the target once complete.

use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use crate::data::error::Error;
use crate::workflows::csv::CsvFiles;
// Among the read's options (`csv/options.rs`), which must not name this file (no circles).
pub use crate::workflows::csv::ParquetCompression;
use crate::workflows::files::partial::PartialFile;
use crate::workflows::sql::SqlBuilder;

/// The most rows in one row group of a Parquet file (the `parquet` crate's default).
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::frames::PARQUET_ROW_GROUP_ROWS, 1024 * 1024);
/// ```
pub const PARQUET_ROW_GROUP_ROWS: usize = 1024 * 1024;

/// The most bytes (encoded and compressed, as the writer estimates them) one row group of a
/// Parquet file holds before it is written out: a row group is held in memory until it is
/// complete, so this and one record batch bound the memory of
/// [`to_parquet`](SqlBuilder::to_parquet), whatever the result's size.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::frames::PARQUET_ROW_GROUP_BYTES, 64 * 1024 * 1024);
/// ```
pub const PARQUET_ROW_GROUP_BYTES: usize = 64 * 1024 * 1024;

/// The `parquet` crate's codec of `compression`.
fn codec(compression: ParquetCompression) -> Compression {
    match compression {
        ParquetCompression::Zstd => Compression::ZSTD(ZstdLevel::default()),
        ParquetCompression::Snappy => Compression::SNAPPY,
        ParquetCompression::None => Compression::UNCOMPRESSED,
    }
}

/// What [`to_parquet`](SqlBuilder::to_parquet) wrote: how many rows, and where.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let written = client.select_table("sales.orders", 32).to_parquet("orders.parquet")?;
/// println!("{} rows in {}", written.rows, written.path.display());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParquetWritten {
    /// The rows written.
    pub rows: u64,
    /// The file written.
    pub path: PathBuf,
}

impl CsvFiles<'_> {
    /// How [`to_parquet`](Self::to_parquet) compresses the file (default
    /// [`ParquetCompression::Zstd`]).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use civis::frames::ParquetCompression;
    /// client.read_csv_file(12345).parquet_compression(ParquetCompression::Snappy).to_parquet("data.parquet")?;
    /// # Ok(()) }
    /// ```
    pub fn parquet_compression(mut self, compression: ParquetCompression) -> Self {
        self.options.parquet_compression = compression;
        self
    }

    /// Reads the CSV as Arrow record batches ([`arrow`](Self::arrow), typed the same way) and
    /// writes them to `path` as one Parquet file, row group by row group: at most
    /// [`PARQUET_ROW_GROUP_ROWS`] rows or [`PARQUET_ROW_GROUP_BYTES`] bytes a row group, so
    /// memory holds one row group and one batch whatever the result's size. The file is
    /// written under a temporary name beside `path` (`.NAME.civis-partial`) and renamed onto it
    /// once complete: a failure halfway (a value that does not parse, a dropped download)
    /// leaves `path` as it was and no temporary file. Numeric columns are Parquet decimals of
    /// their precision and scale, timestamps microseconds (`timestamptz` adjusted to UTC),
    /// dates days, and every column nullable unless a typed query says it is `NOT NULL`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let manifest = client.sql("select * from sales.orders", 32).unload()?;
    /// let written = client.read_unload(&manifest).to_parquet("orders.parquet")?;
    /// println!("{} rows", written.rows);
    /// # Ok(()) }
    /// ```
    pub fn to_parquet(self, path: impl AsRef<Path>) -> Result<ParquetWritten, Error> {
        let compression = self.options.parquet_compression;
        let batches = self.arrow()?;
        let schema = batches.schema();
        write_parquet(batches, schema, compression, path.as_ref())
    }
}

impl SqlBuilder<'_> {
    /// How [`to_parquet`](Self::to_parquet) compresses the file (default
    /// [`ParquetCompression::Zstd`]).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use civis::frames::ParquetCompression;
    /// client.sql("select * from t", 32).parquet_compression(ParquetCompression::None).to_parquet("t.parquet")?;
    /// # Ok(()) }
    /// ```
    pub fn parquet_compression(mut self, compression: ParquetCompression) -> Self {
        self.read.parquet_compression = compression;
        self
    }

    /// Exports the result and writes it to `path` as a Parquet file, typed as
    /// [`arrow`](Self::arrow) types it (by the table's columns for
    /// [`select_table`](crate::Client::select_table) and a plain `select` of one table, by the
    /// query's columns for `civis::query!`, else inferred), streamed row group by row group
    /// and atomic: see [`CsvFiles::to_parquet`] for the memory bound and what a failure leaves.
    /// Waits for the export as [`rows`](Self::rows) does.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let written = client.select_table("sales.orders", "redshift-general").to_parquet("orders.parquet")?;
    /// assert_eq!(written.path, std::path::Path::new("orders.parquet"));
    /// # Ok(()) }
    /// ```
    pub fn to_parquet(self, path: impl AsRef<Path>) -> Result<ParquetWritten, Error> {
        self.header(true).exported()?.to_parquet(path)
    }
}

/// Writes `batches` (of `schema`) to `path` as Parquet compressed by `compression`, under a
/// temporary name renamed onto `path` once every batch is written.
pub(crate) fn write_parquet(
    batches: impl IntoIterator<Item = Result<RecordBatch, Error>>,
    schema: SchemaRef,
    compression: ParquetCompression,
    path: &Path,
) -> Result<ParquetWritten, Error> {
    let shown = path.display().to_string();
    let failed = |error: ParquetError| match error {
        ParquetError::External(inner) => match inner.downcast::<std::io::Error>() {
            Ok(source) => Error::Io {
                path: shown.clone(),
                source: *source,
            },
            Err(other) => Error::Usage(format!("writing the Parquet file {shown}: {other}")),
        },
        other => Error::Usage(format!("writing the Parquet file {shown}: {other}")),
    };
    let properties = WriterProperties::builder()
        .set_compression(codec(compression))
        .set_max_row_group_row_count(Some(PARQUET_ROW_GROUP_ROWS))
        .set_max_row_group_bytes(Some(PARQUET_ROW_GROUP_BYTES))
        .build();
    let mut partial = PartialFile::create(path)?;
    let mut writer =
        ArrowWriter::try_new(partial.file(), schema, Some(properties)).map_err(failed)?;
    let mut rows = 0u64;
    for batch in batches {
        // An error drops the partial file, which removes it: nothing appears under `path`.
        let batch = batch?;
        rows += batch.num_rows() as u64;
        writer.write(&batch).map_err(failed)?;
    }
    writer.close().map_err(failed)?;
    partial.commit()?;
    log::debug!("wrote {rows} rows to {shown}");
    Ok(ParquetWritten {
        rows,
        path: path.to_path_buf(),
    })
}
