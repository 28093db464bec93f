//! Frames into tables: a frame (Arrow batches, a polars DataFrame) written as gzipped CSV in
//! pieces, each uploaded from memory while the next is written, then imported with the columns
//! declared from the frame's schema. (Without the `arrow` and `polars` features nothing makes
//! a frame, and this is unused.)
#![cfg_attr(not(any(feature = "arrow", feature = "polars")), allow(dead_code))]

use std::io::{self, Write};
use std::sync::mpsc::sync_channel;

use flate2::write::GzEncoder;

use crate::data::error::Error;
use crate::data::sql_types::MAX_VARCHAR;
use crate::transport::client::Client;
use crate::workflows::tables::TableColumn;

/// The gzip bytes of one uploaded piece of a frame: a piece holds whole rows and about this
/// much; a larger frame becomes several Civis files, imported together. Pieces over
/// [`MULTIPART_THRESHOLD`](crate::files::MULTIPART_THRESHOLD) go up as multipart uploads.
/// Memory holds at most two pieces: the one uploading and the one being written.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::frames::IMPORT_CHUNK_BYTES, 64 * 1024 * 1024);
/// ```
pub const IMPORT_CHUNK_BYTES: usize = 64 * 1024 * 1024;

/// Writes one CSV record of `fields` to `out`, as an import's files hold them: a null (`None`)
/// is an empty field, an empty string is `""` (so that it loads as an empty string, not as
/// NULL), and a field holding a comma, a quote or a line break is quoted.
pub(crate) fn write_record(out: &mut dyn Write, fields: &[Option<&str>]) -> io::Result<()> {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let Some(text) = field else { continue };
        if text.is_empty() {
            out.write_all(b"\"\"")?;
        } else if text.contains([',', '"', '\n', '\r']) {
            out.write_all(b"\"")?;
            out.write_all(text.replace('"', "\"\"").as_bytes())?;
            out.write_all(b"\"")?;
        } else {
            out.write_all(text.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

/// Refuses a text value longer than Redshift's longest `VARCHAR` (65,535 bytes), naming its
/// column and row (from 1), before it is written: such a value would fail the load only after
/// every file was uploaded.
pub(crate) fn check_text_length(column: &str, row: u64, bytes: usize) -> Result<(), Error> {
    if bytes <= MAX_VARCHAR {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "column {column:?}, row {row}: the value is {bytes} bytes long, more than the {MAX_VARCHAR} bytes of Redshift's longest VARCHAR; shorten it (or leave the column out) before the import"
    )))
}

/// A frame that can write itself as CSV rows.
pub(crate) trait FrameSource {
    /// Writes the frame's header ([`GzipChunks::header`]), then its rows, through `chunks`;
    /// returns the columns to declare.
    fn write(&mut self, chunks: &mut GzipChunks<'_>) -> Result<Vec<TableColumn>, Error>;
}

/// Gzipped CSV pieces, each starting with the header, handed to `sink` when full.
pub(crate) struct GzipChunks<'a> {
    header: Vec<u8>,
    current: Option<GzEncoder<Vec<u8>>>,
    chunk_bytes: usize,
    emitted: usize,
    sink: &'a mut dyn FnMut(Vec<u8>) -> Result<(), Error>,
}

/// What a failure to write the frame's CSV is called (the bytes go to memory, so only the
/// frame's own writer can fail).
const SHOWN: &str = "the frame's CSV";

fn io_error(source: io::Error) -> Error {
    Error::Io {
        path: SHOWN.into(),
        source,
    }
}

impl<'a> GzipChunks<'a> {
    fn new(chunk_bytes: usize, sink: &'a mut dyn FnMut(Vec<u8>) -> Result<(), Error>) -> Self {
        Self {
            header: Vec::new(),
            current: None,
            chunk_bytes,
            emitted: 0,
            sink,
        }
    }

    /// The column names every piece starts with.
    pub(crate) fn header(&mut self, names: &[String]) -> Result<(), Error> {
        let names: Vec<Option<&str>> = names.iter().map(|n| Some(n.as_str())).collect();
        self.header.clear();
        write_record(&mut self.header, &names).map_err(io_error)
    }

    /// Rows written by `rows` into the current piece (started with the header if new); the
    /// piece goes to the sink once it holds [`IMPORT_CHUNK_BYTES`].
    pub(crate) fn write(
        &mut self,
        rows: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        let piece = match &mut self.current {
            Some(piece) => piece,
            None => {
                let mut piece = GzEncoder::new(Vec::new(), flate2::Compression::fast());
                piece.write_all(&self.header).map_err(io_error)?;
                self.current.insert(piece)
            }
        };
        rows(piece).map_err(io_error)?;
        if piece.get_ref().len() >= self.chunk_bytes {
            self.emit()?;
        }
        Ok(())
    }

    fn emit(&mut self) -> Result<(), Error> {
        if let Some(piece) = self.current.take() {
            let bytes = piece.finish().map_err(io_error)?;
            self.emitted += 1;
            (self.sink)(bytes)?;
        }
        Ok(())
    }

    /// The last piece; a frame without rows still makes one, of the header alone.
    fn finish(mut self) -> Result<(), Error> {
        if self.current.is_none() && self.emitted == 0 {
            self.write(|_| Ok(()))?;
        }
        self.emit()
    }
}

/// Writes `source` as gzipped CSV pieces, uploading each (from memory, on another thread)
/// while the next is written; returns the uploaded files, in order, and the columns to declare.
pub(crate) fn upload_frame(
    client: &Client,
    source: &mut dyn FrameSource,
    name: &str,
) -> Result<(Vec<i64>, Vec<TableColumn>), Error> {
    std::thread::scope(|scope| {
        // No queue: the writer waits while a piece uploads, so at most two are in memory.
        let (send, receive) = sync_channel::<Vec<u8>>(0);
        let uploader = scope.spawn(move || -> Result<Vec<i64>, Error> {
            let mut ids = Vec::new();
            for (index, bytes) in receive.into_iter().enumerate() {
                let size = bytes.len();
                let id = client
                    .upload_bytes(bytes, format!("{name}_{index:04}.csv.gz"))
                    .send()?;
                log::info!(
                    "uploaded piece {} of the frame ({:.1} MiB of gzip) as file {id}",
                    index + 1,
                    size as f64 / (1024.0 * 1024.0)
                );
                ids.push(id);
            }
            Ok(ids)
        });
        let written = {
            let mut sink = |bytes: Vec<u8>| {
                send.send(bytes)
                    .map_err(|_| Error::Usage("the upload of the frame stopped".into()))
            };
            let mut chunks = GzipChunks::new(IMPORT_CHUNK_BYTES, &mut sink);
            source
                .write(&mut chunks)
                .and_then(|columns| chunks.finish().map(|()| columns))
        };
        drop(send);
        // The uploader's error, when it failed, is why the writing stopped.
        let uploaded = uploader
            .join()
            .unwrap_or_else(|_| Err(Error::Usage("the upload of the frame panicked".into())));
        let columns = match (uploaded.as_ref(), written) {
            (Err(_), _) => return uploaded.map(|ids| (ids, Vec::new())),
            (Ok(_), Err(error)) => return Err(error),
            (Ok(_), Ok(columns)) => columns,
        };
        Ok((uploaded?, columns))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn pieces_start_with_the_header_and_hold_whole_rows() {
        let mut pieces = Vec::new();
        let mut sink = |bytes: Vec<u8>| {
            pieces.push(bytes);
            Ok(())
        };
        let mut chunks = GzipChunks::new(1, &mut sink);
        chunks.header(&["a".into(), "b, c".into()]).unwrap();
        chunks.write(|w| w.write_all(b"1,2\n")).unwrap();
        chunks.write(|w| w.write_all(b"3,4\n")).unwrap();
        chunks.finish().unwrap();
        let texts: Vec<String> = pieces
            .iter()
            .map(|bytes| {
                let mut text = String::new();
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_string(&mut text)
                    .unwrap();
                text
            })
            .collect();
        assert_eq!(texts, ["a,\"b, c\"\n1,2\n", "a,\"b, c\"\n3,4\n"]);
    }

    #[test]
    fn an_empty_string_is_quoted_and_a_null_is_empty() {
        let mut out = Vec::new();
        write_record(
            &mut out,
            &[Some(""), None, Some("a, \"b\"\nc"), Some("plain")],
        )
        .unwrap();
        write_record(&mut out, &[None]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"\",,\"a, \"\"b\"\"\nc\",plain\n\n"
        );
    }

    #[test]
    fn a_value_longer_than_varchar_max_is_refused_naming_column_and_row() {
        assert!(check_text_length("note", 1, MAX_VARCHAR).is_ok());
        let error = check_text_length("note", 7, 80_000)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("\"note\"") && error.contains("row 7") && error.contains("80000"),
            "{error}"
        );
    }

    #[test]
    fn a_frame_without_rows_is_one_piece_of_the_header() {
        let mut pieces = Vec::new();
        let mut sink = |bytes: Vec<u8>| {
            pieces.push(bytes);
            Ok(())
        };
        let mut chunks = GzipChunks::new(IMPORT_CHUNK_BYTES, &mut sink);
        chunks.header(&["only".into()]).unwrap();
        chunks.finish().unwrap();
        assert_eq!(pieces.len(), 1);
        let mut text = String::new();
        flate2::read::GzDecoder::new(&pieces[0][..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "only\n");
    }
}
