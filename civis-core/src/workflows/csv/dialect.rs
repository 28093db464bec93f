//! How a CSV file in Civis is written: its delimiter (as the API names it) and compression.

use crate::data::error::Error;

/// How an export's CSV is compressed: in the local file of
/// [`to_csv`](crate::sql::SqlBuilder::to_csv) and [`to_writer`](crate::sql::SqlBuilder::to_writer), and in the Civis
/// file of [`to_civis_file`](crate::sql::SqlBuilder::to_civis_file) and [`unload`](crate::sql::SqlBuilder::unload).
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::sql::Compression::default(), civis::sql::Compression::None);
/// assert_eq!(civis::sql::Compression::Gzip.as_api(), "gzip");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compression {
    /// Plain CSV (the default, as in civis-python).
    #[default]
    None,
    /// gzip, whether or not the header is on (civis-python's `civis_to_csv` then silently
    /// writes plain CSV).
    Gzip,
    /// A zip archive holding one CSV file.
    Zip,
}

impl Compression {
    /// The API's name of the compression (`csv_settings.compression`).
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// assert_eq!(civis::sql::Compression::Zip.as_api(), "zip");
    /// ```
    pub fn as_api(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Gzip => "gzip",
            Self::Zip => "zip",
        }
    }
}

/// The API's name of a column delimiter (`comma`, `tab`, `pipe`), or a usage error.
pub(crate) fn delimiter_name(delimiter: char) -> Result<&'static str, Error> {
    match delimiter {
        ',' => Ok("comma"),
        '\t' => Ok("tab"),
        '|' => Ok("pipe"),
        other => Err(Error::Usage(format!(
            "the delimiter {other:?} is not one the API exports or imports: use ',', '\\t' or '|'"
        ))),
    }
}
