//! What the caller says of a read: the columns' types, the text's encoding, how big Arrow
//! batches are; shared by SQL results and CSV files.

use super::text_encoding;
use crate::data::error::Error;
use crate::data::sql_types::SqlType;

/// How many leading rows a column's type is inferred from, when neither the caller nor a
/// table gives it (polars' default `infer_schema_length`).
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::frames::INFER_ROWS, 100);
/// ```
pub const INFER_ROWS: usize = 100;

/// Rows per Arrow record batch unless [`batch_size`](crate::frames::CsvFiles::batch_size) says otherwise.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::frames::DEFAULT_BATCH_SIZE, 65_536);
/// ```
pub const DEFAULT_BATCH_SIZE: usize = 65_536;

#[cfg(feature = "parquet")]
/// How the pages of a Parquet file are compressed (feature `parquet`): [`Zstd`](Self::Zstd)
/// unless a `parquet_compression` setter says otherwise. Only these codecs are built in.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::frames::ParquetCompression;
/// assert_eq!(ParquetCompression::default(), ParquetCompression::Zstd);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParquetCompression {
    /// Zstandard at its default level (3): smaller files than snappy, for a little more time.
    #[default]
    Zstd,
    /// Snappy: fast, what Spark and Redshift's own `UNLOAD ... FORMAT PARQUET` write.
    Snappy,
    /// No compression.
    None,
}

/// What the caller says of the columns' types, and how big Arrow batches are: the options
/// that [`SqlBuilder`](crate::sql::SqlBuilder) and [`CsvFiles`](crate::frames::CsvFiles) share.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReadOptions {
    overrides: Vec<(String, SqlType)>,
    pub(crate) all_text: bool,
    pub(crate) batch_size: usize,
    /// The label of the text's encoding, when it is not UTF-8.
    encoding: Option<String>,
    /// The most bytes a record may hold.
    pub(crate) max_record: usize,
    /// The columns a typed query was compiled for: they give every column's type (by
    /// position) and the header must name them.
    #[cfg(feature = "typed-sql")]
    pub(crate) shape: Option<std::sync::Arc<super::shape::Shape>>,
    /// How `to_parquet` compresses its file.
    #[cfg(feature = "parquet")]
    pub(crate) parquet_compression: ParquetCompression,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            overrides: Vec::new(),
            all_text: false,
            batch_size: DEFAULT_BATCH_SIZE,
            encoding: None,
            max_record: super::rows::DEFAULT_MAX_RECORD_BYTES,
            #[cfg(feature = "typed-sql")]
            shape: None,
            #[cfg(feature = "parquet")]
            parquet_compression: Default::default(),
        }
    }
}

impl ReadOptions {
    pub(crate) fn column_type(&mut self, column: String, sql_type: SqlType) {
        self.overrides.retain(|(name, _)| *name != column);
        self.overrides.push((column, sql_type));
    }

    pub(crate) fn all_text(&mut self) {
        self.all_text = true;
    }

    pub(crate) fn batch_size(&mut self, rows: usize) {
        self.batch_size = rows.max(1);
    }

    pub(crate) fn max_record_size(&mut self, bytes: usize) {
        self.max_record = bytes.max(1);
    }

    pub(crate) fn encoding(&mut self, label: String) {
        self.encoding = Some(label);
    }

    /// The encoding the text is to be read in: checked before any request, so that an unknown
    /// label costs no export.
    pub(crate) fn check_encoding(&self) -> Result<(), Error> {
        self.encoding
            .as_deref()
            .map(text_encoding::encoding_for)
            .transpose()
            .map(drop)
    }

    /// `stream`, decoded into UTF-8 from the encoding given, if any.
    pub(crate) fn decoded(
        &self,
        stream: Box<dyn std::io::Read + Send>,
    ) -> Result<Box<dyn std::io::Read + Send>, Error> {
        match self.encoding.as_deref() {
            None => Ok(stream),
            Some(label) => Ok(text_encoding::to_utf8(
                stream,
                text_encoding::encoding_for(label)?,
            )),
        }
    }

    /// Each column's type where the caller or `table` gives it; `None` where it is to be
    /// inferred.
    pub(crate) fn resolve(
        &self,
        names: &[String],
        table: Option<&[(String, SqlType)]>,
    ) -> Vec<Option<SqlType>> {
        // A typed query's columns are typed by what the macro found, by position: its names
        // are checked against the header first (`Shape::check`), and an alias holding an
        // override (`"amount: f64"`) is not the name the shape holds.
        #[cfg(feature = "typed-sql")]
        if let Some(shape) = &self.shape {
            return (0..names.len())
                .map(|i| shape.types.get(i).copied())
                .collect();
        }
        names
            .iter()
            .map(|name| {
                if let Some((_, given)) = self.overrides.iter().find(|(n, _)| n == name) {
                    return Some(*given);
                }
                if self.all_text {
                    return Some(SqlType::Text);
                }
                // Redshift folds unquoted names to lower case, and exports them so.
                table.and_then(|columns| {
                    columns
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(name))
                        .map(|(_, t)| *t)
                })
            })
            .collect()
    }
}
