//! CSV in Civis, the level below SQL results, typed results and imports: the record reader
//! ([`Rows`]), the files read ([`CsvFiles`]) with their options, the typed rows every typed path
//! shares, multifile manifests, delimiters and compression, and the streams that inflate and
//! decode them.

#[cfg(any(feature = "arrow", feature = "polars"))]
pub(crate) mod chunks;
mod dialect;
#[cfg(feature = "arrow")]
pub(crate) mod fields;
mod files;
mod manifest;
mod options;
mod rows;
#[cfg(feature = "typed-sql")]
mod shape;
pub(crate) mod stream;
mod text_encoding;
mod typed_rows;

pub(crate) use dialect::delimiter_name;
pub use dialect::Compression;
#[cfg(feature = "arrow")]
pub(crate) use files::infer;
#[cfg(any(feature = "arrow", feature = "polars"))]
pub(crate) use files::Header;
pub use files::{plain_select_table, CsvFiles};
pub use manifest::{ManifestEntry, UnloadManifest, MANIFEST_FILE_NAME, UNLOAD_DOWNLOADS_AT_ONCE};
#[cfg(feature = "parquet")]
pub use options::ParquetCompression;
pub(crate) use options::ReadOptions;
pub use options::{DEFAULT_BATCH_SIZE, INFER_ROWS};
#[cfg(any(feature = "arrow", feature = "polars"))]
pub(crate) use rows::header_mismatch;
pub(crate) use rows::PARSE_BUFFER;
pub use rows::{Rows, DEFAULT_MAX_RECORD_BYTES};
#[cfg(feature = "typed-sql")]
pub(crate) use shape::Shape;
pub use typed_rows::TypedRows;
