//! The record reader every CSV path shares: records of a CSV stream, header first, one record's
//! buffers reused per row, a failure naming the file.

use std::fmt;
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::data::error::Error;
use crate::workflows::files::from_io;

pub(crate) const PARSE_BUFFER: usize = 256 * 1024;

/// The most bytes one record of a CSV result may hold unless `max_record_size` says otherwise
/// (8 MiB; Redshift's longest value is 65,535 bytes): a record is held whole in memory, so a
/// file of one endless field must fail, not take all memory.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::frames::DEFAULT_MAX_RECORD_BYTES, 8 * 1024 * 1024);
/// ```
pub const DEFAULT_MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;

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
    pending: Option<Result<csv::StringRecord, Error>>,
    reader: csv::Reader<Bounded>,
    /// Where the record being read starts in the stream (what [`Bounded`] measures from).
    record_start: Arc<AtomicU64>,
    /// The most bytes a record may hold.
    limit: u64,
    /// How many fields each record must have when the header is given (a manifest's names).
    width: Option<usize>,
    /// Data records read so far.
    row: u64,
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
    /// stream has none (an empty one names the columns `column_1`, ... by the first record);
    /// a record longer than `max_record` bytes is an error naming the bound.
    pub(crate) fn from_stream(
        file_id: i64,
        stream: Box<dyn Read + Send>,
        delimiter: u8,
        given_header: Option<Vec<String>>,
        max_record: usize,
    ) -> Self {
        let record_start = Arc::new(AtomicU64::new(0));
        let bounded = Bounded {
            inner: stream,
            delivered: 0,
            record_start: record_start.clone(),
            limit: max_record as u64,
            file_id,
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(false)
            .delimiter(delimiter)
            .buffer_capacity(PARSE_BUFFER)
            .from_reader(bounded);
        let mut rows = Self {
            file_id,
            given_header: None,
            pending: None,
            reader,
            record_start,
            limit: max_record as u64,
            width: None,
            row: 0,
            failed: false,
        };
        rows.given_header = match given_header {
            Some(names) if names.is_empty() => {
                // Without names the first record tells how many columns there are; it is
                // given back after the header.
                let mut first = csv::StringRecord::new();
                let width = match rows.read_measured(&mut first) {
                    Ok(true) => {
                        let width = first.len();
                        rows.pending = Some(Ok(first));
                        width
                    }
                    Ok(false) => 0,
                    Err(error) => {
                        rows.pending = Some(Err(error));
                        0
                    }
                };
                let names: Vec<String> = (1..=width).map(|i| format!("column_{i}")).collect();
                Some(csv::StringRecord::from(names))
            }
            Some(names) => Some(csv::StringRecord::from(names)),
            None => None,
        };
        rows.width = rows.given_header.as_ref().map(csv::StringRecord::len);
        rows
    }

    /// The next record of the stream into `record`, measured: one longer than the bound is an
    /// error (the stream under the parser stops one far longer before it is all in memory).
    fn read_measured(&mut self, record: &mut csv::StringRecord) -> Result<bool, Error> {
        let start = self.record_start.load(Ordering::Relaxed);
        let read = self.reader.read_record(record);
        let end = self.reader.position().byte();
        self.record_start.store(end, Ordering::Relaxed);
        match read {
            Ok(true) if end.saturating_sub(start) > self.limit => {
                Err(too_long(self.file_id, self.limit))
            }
            Ok(more) => Ok(more),
            Err(error) => Err(csv_error(error, self.file_id)),
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
            None => self.read_measured(record),
        };
        let error = match read {
            Ok(false) => return None,
            Ok(true) => {
                self.row += 1;
                match self.width {
                    // A header that names fewer (or more) columns than the files hold would
                    // drop a column or shift the rows under the names.
                    Some(width) if record.len() != width => header_mismatch(
                        format!("file {} (the SQL export)", self.file_id),
                        self.row,
                        record.len(),
                        width,
                    ),
                    _ => return Some(Ok(())),
                }
            }
            Err(error) => error,
        };
        self.failed = true;
        Some(Err(error))
    }
}

/// The error of row `row` of `path` holding `fields` fields where a given header (an unload's
/// manifest) names `width` columns.
pub(crate) fn header_mismatch(path: String, row: u64, fields: usize, width: usize) -> Error {
    Error::Decode {
        method: "GET".into(),
        path,
        detail: format!("row {row} has {fields} fields, but the header names {width} columns"),
        snippet: String::new(),
    }
}

/// The error of a record longer than `limit` bytes in file `file_id`.
pub(crate) fn too_long(file_id: i64, limit: u64) -> Error {
    Error::Usage(format!(
        "a record of file {file_id} is longer than {limit} bytes, the most one may hold (Redshift's longest value is 65,535 bytes); raise the bound with `.max_record_size(..)` if the data is meant to hold such records"
    ))
}

/// The stream under the CSV parser, which fails once the record being parsed is longer than
/// `limit`: the parser asks for more bytes only when it has used every byte it was given, so
/// what was delivered since the record's start all belongs to that record. Memory stays at
/// most the bound and one parse buffer, whatever the file holds.
struct Bounded {
    inner: Box<dyn Read + Send>,
    /// Bytes given to the parser so far.
    delivered: u64,
    /// Where the record being parsed starts, as the [`Rows`] reading it last saw.
    record_start: Arc<AtomicU64>,
    limit: u64,
    /// The file the errors name.
    file_id: i64,
}

impl Read for Bounded {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let start = self.record_start.load(Ordering::Relaxed);
        if self.delivered.saturating_sub(start) > self.limit {
            return Err(io::Error::other(too_long(self.file_id, self.limit)));
        }
        let n = self.inner.read(buffer)?;
        self.delivered += n as u64;
        Ok(n)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: Vec<u8>, header: Option<Vec<String>>, max_record: usize) -> Rows {
        Rows::from_stream(7, Box::new(io::Cursor::new(text)), b',', header, max_record)
    }

    #[test]
    fn a_record_longer_than_the_bound_ends_the_rows_naming_it() {
        // Within one parse buffer, and over many: both are refused, the records before come.
        for long in [5_000, 3 * PARSE_BUFFER] {
            let mut text = b"id,doc\n1,short\n2,".to_vec();
            text.resize(text.len() + long, b'x');
            text.extend_from_slice(b"\n3,after\n");
            let mut read = rows(text, None, 1_000);
            assert_eq!(&read.next().unwrap().unwrap()[0], "id");
            assert_eq!(&read.next().unwrap().unwrap()[1], "short");
            let error = read.next().unwrap().unwrap_err().to_string();
            assert!(
                error.contains("file 7 is longer than 1000 bytes")
                    && error.contains(".max_record_size("),
                "{error}"
            );
            assert!(read.next().is_none());
        }
        // At the bound, a record reads.
        let all: Vec<_> = rows(b"a,b\n1,2\n".to_vec(), None, 4)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn a_given_header_must_name_as_many_columns_as_the_rows_hold() {
        let names = vec!["id".to_string(), "name".to_string()];
        let mut read = rows(b"1,ann,x\n".to_vec(), Some(names.clone()), 1_000);
        assert_eq!(read.next().unwrap().unwrap().len(), 2, "the header first");
        let error = read.next().unwrap().unwrap_err().to_string();
        assert!(
            error.contains("row 1 has 3 fields") && error.contains("names 2 columns"),
            "{error}"
        );
        assert!(read.next().is_none());
        let fine: Vec<_> = rows(b"1,ann\n2,bob\n".to_vec(), Some(names), 1_000)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(fine.len(), 3);
        // Without names, the first record names the columns.
        let counted: Vec<_> = rows(b"1,ann\n2,bob\n".to_vec(), Some(Vec::new()), 1_000)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(&counted[0][1], "column_2");
        assert_eq!(counted.len(), 3);
    }
}
