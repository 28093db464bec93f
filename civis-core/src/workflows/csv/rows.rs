//! The record reader every CSV path shares: records of a CSV stream, header first, one record's
//! buffers reused per row, a failure naming the file.

use std::fmt;
use std::io::Read;

use crate::data::error::Error;
use crate::workflows::files::from_io;

pub(crate) const PARSE_BUFFER: usize = 256 * 1024;

/// The records of an export, header first, parsed as the file downloads: what
/// [`SqlBuilder::rows`](crate::sql::SqlBuilder::rows) and [`Client::read_table`](crate::Client::read_table) return.
///
/// Each item is a [`StringRecord`](crate::sql::StringRecord) (`record.iter()` gives the fields
/// as `&str`, `record[0]` the first) or the error that ended the download or the parse; after an
/// error the iterator ends. Memory holds one record and the buffers, whatever the export's size.
///
/// Fields are the text of the export: an export writes SQL `NULL` and `''` alike, as an empty
/// field ([`SqlBuilder::preview`](crate::sql::SqlBuilder::preview) tells them apart). For typed
/// values, see [`deserialize`](Self::deserialize) and [`SqlBuilder::rows_as`](crate::sql::SqlBuilder::rows_as).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let mut rows = client.sql("select id, name from users", 32).rows()?;
/// let header = rows.next().transpose()?.expect("a header record");
/// for record in rows {
///     let record = record?;
///     let id: i64 = record[0].parse().unwrap_or_default();
/// }
/// # Ok(()) }
/// ```
pub struct Rows {
    file_id: i64,
    /// A header to give first, for files without one (a multifile unload's parts).
    given_header: Option<csv::StringRecord>,
    /// A record read ahead (to count the columns of a file without a header).
    pending: Option<csv::Result<csv::StringRecord>>,
    reader: csv::Reader<Box<dyn Read + Send>>,
    failed: bool,
}

impl fmt::Debug for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rows")
            .field("file_id", &self.file_id)
            .finish_non_exhaustive()
    }
}

impl Rows {
    /// The id of the Civis file the records come from (the export, which stays in Civis until
    /// it expires).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.sql("select 1", 32).rows()?;
    /// println!("reading file {}", rows.file_id());
    /// # Ok(()) }
    /// ```
    pub fn file_id(&self) -> i64 {
        self.file_id
    }

    /// The records of `stream` (CSV split on `delimiter`), after `given_header` when the
    /// stream has none (an empty one names the columns `column_1`, ... by the first record).
    pub(crate) fn from_stream(
        file_id: i64,
        stream: Box<dyn Read + Send>,
        delimiter: u8,
        given_header: Option<Vec<String>>,
    ) -> Self {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(false)
            .delimiter(delimiter)
            .buffer_capacity(PARSE_BUFFER)
            .from_reader(stream);
        let mut pending = None;
        let given_header = match given_header {
            Some(names) if names.is_empty() => {
                // Without names the first record tells how many columns there are; it is
                // given back after the header.
                let mut first = csv::StringRecord::new();
                pending = match reader.read_record(&mut first) {
                    Ok(true) => Some(Ok(first)),
                    Ok(false) => None,
                    Err(error) => Some(Err(error)),
                };
                let width = match &pending {
                    Some(Ok(record)) => record.len(),
                    _ => 0,
                };
                let names: Vec<String> = (1..=width).map(|i| format!("column_{i}")).collect();
                Some(csv::StringRecord::from(names))
            }
            Some(names) => Some(csv::StringRecord::from(names)),
            None => None,
        };
        Self {
            file_id,
            given_header,
            pending,
            reader,
            failed: false,
        }
    }

    /// The next record into `record`, whose buffers are reused (what [`next`](Self::next)
    /// does without a new record per row); `None` at the end and after an error.
    pub(crate) fn read_into(
        &mut self,
        record: &mut csv::StringRecord,
    ) -> Option<Result<(), Error>> {
        if let Some(header) = self.given_header.take() {
            *record = header;
            return Some(Ok(()));
        }
        if self.failed {
            return None;
        }
        let read = match self.pending.take() {
            Some(Ok(pending)) => {
                *record = pending;
                Ok(true)
            }
            Some(Err(error)) => Err(error),
            None => self.reader.read_record(record),
        };
        match read {
            Ok(true) => Some(Ok(())),
            Ok(false) => None,
            Err(error) => {
                self.failed = true;
                Some(Err(csv_error(error, self.file_id)))
            }
        }
    }
}

impl Iterator for Rows {
    type Item = Result<csv::StringRecord, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut record = csv::StringRecord::new();
        self.read_into(&mut record)
            .map(|read| read.map(|()| record))
    }
}

/// A parse error as a decoding error naming the file and where; an I/O error as the download's
/// own error (a storage failure after retries, a broken gzip stream).
fn csv_error(error: csv::Error, file_id: i64) -> Error {
    let detail = error.to_string();
    match error.into_kind() {
        csv::ErrorKind::Io(io) => from_io(io, file_id),
        _ => Error::Decode {
            method: "GET".into(),
            path: format!("file {file_id} (the SQL export)"),
            detail,
            snippet: String::new(),
        },
    }
}
