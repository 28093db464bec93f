//! `rows()`, `to_csv(path)` and `to_writer(w)`: the export downloaded as gzip and, as it
//! streams, parsed into records or written out with the chosen compression.

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use flate2::read::MultiGzDecoder;

use super::export::output_file;
use super::SqlBuilder;
use crate::data::error::Error;
use crate::transport::client::Client;
use crate::workflows::csv::{Compression, Rows, PARSE_BUFFER};
use crate::workflows::files::partial::PartialFile;
use crate::workflows::files::{from_io, DownloadReader};
use crate::workflows::runs::Started;

/// A writer that counts what passes through it.
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl SqlBuilder<'_> {
    /// Exports the result (gzipped CSV) and streams it back as records, header first (unless
    /// [`header(false)`](Self::header)): civis-python's `read_civis_sql`, without holding the
    /// result in memory. The records are split on the [`delimiter`](Self::delimiter); quoted
    /// fields, embedded newlines and delimiters, and concatenated gzip members (as the
    /// platform writes them) are handled.
    ///
    /// A failed export run is [`Error::JobFailed`](crate::Error::JobFailed) with the run's
    /// error (the database's message). The records stream as the export downloads, so one that
    /// fails part way (a download that breaks off for good, a corrupt export) ends with an error
    /// after it has yielded a correct prefix of the rows: a script that must have all or none
    /// collects them before acting on them.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let mut total = 0.0;
    /// for record in client.sql("select amount from sales", "redshift-general").header(false).rows()? {
    ///     total += record?[0].parse::<f64>().unwrap_or(0.0);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn rows(self) -> Result<Rows, Error> {
        self.start_rows()?.wait()
    }

    /// [`rows`](Self::rows), started without waiting: the export's run at once, the records
    /// from [`Started::wait`] (or [`Started::wait_all`] over many).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let export = client.sql("select * from t", 32).start_rows()?;
    /// println!("export {} started", export.run().run_id());
    /// for record in export.wait()? {
    ///     let record = record?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn start_rows(self) -> Result<Started<Rows>, Error> {
        let delimiter = self.delimiter as u8;
        let run = self.start_export(Compression::Gzip, false)?;
        let read = self.read.clone();
        Ok(Started::new(run, move |run, _| {
            let file_id = output_file(run)?;
            let reader = run.client().download_file(file_id).reader()?;
            let stream = read.decoded(Box::new(MultiGzDecoder::new(reader)))?;
            Ok(Rows::from_stream(
                file_id,
                stream,
                delimiter,
                None,
                read.max_record,
            ))
        }))
    }

    /// Exports the result and writes it to `writer` with the chosen
    /// [`compression`](Self::compression) (a zip archive then holds one entry, `export.csv`);
    /// returns the number of bytes written. civis-python's `civis_to_csv` to a buffer.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let stdout = std::io::stdout();
    /// client.sql("select * from t", 32).to_writer(&mut stdout.lock())?;
    /// # Ok(()) }
    /// ```
    pub fn to_writer<W: Write + ?Sized>(self, writer: &mut W) -> Result<u64, Error> {
        let file_id = self.export_file(Compression::Gzip, false)?;
        let reader = self.client.download_file(file_id).reader()?;
        write_export(self.compression, reader, writer, "export.csv", "the writer")
    }

    /// Exports the result and writes it to `path` (created or truncated) with the chosen
    /// [`compression`](Self::compression); returns the number of bytes written: civis-python's
    /// `civis_to_csv`. A zip archive holds one entry named after `path` without `.zip`. The
    /// path is touched only once the export has finished, and a failure after that removes
    /// what was written.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.sql("select * from t", 32).to_csv("t.csv")?;
    /// client
    ///     .sql("select * from t", 32)
    ///     .compression(civis::sql::Compression::Gzip)
    ///     .to_csv("t.csv.gz")?;
    /// # Ok(()) }
    /// ```
    pub fn to_csv(self, path: impl AsRef<Path>) -> Result<u64, Error> {
        self.start_to_csv(path)?.wait()
    }

    /// [`to_csv`](Self::to_csv), started without waiting: the export's run at once; the file
    /// is written, and its size returned, by [`Started::wait`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let started = ["a", "b"].map(|t| client.sql(format!("select * from {t}"), 32).start_to_csv(format!("{t}.csv")));
    /// let started = started.into_iter().collect::<Result<Vec<_>, _>>()?;
    /// let sizes = civis::runs::Started::wait_all(started);
    /// # Ok(()) }
    /// ```
    pub fn start_to_csv(self, path: impl AsRef<Path>) -> Result<Started<u64>, Error> {
        let path = path.as_ref().to_path_buf();
        let compression = self.compression;
        let run = self.start_export(Compression::Gzip, false)?;
        Ok(Started::new(run, move |run, _| {
            let file_id = output_file(run)?;
            write_csv_file(run.client(), file_id, compression, &path)
        }))
    }
}

/// Writes the gzipped export `file_id` to `path` as `compression` asks, under a temporary name
/// renamed onto `path` once complete ([`PartialFile`]): a failure leaves `path` as it was.
fn write_csv_file(
    client: &Client,
    file_id: i64,
    compression: Compression,
    path: &Path,
) -> Result<u64, Error> {
    let shown = path.display().to_string();
    let reader = client.download_file(file_id).reader()?;
    let mut partial = PartialFile::create(path)?;
    let entry = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .map(|name| name.strip_suffix(".zip").unwrap_or(&name).to_string())
        .unwrap_or_else(|| "export.csv".to_string());
    let mut out = BufWriter::new(partial.file());
    let written = write_export(compression, reader, &mut out, &entry, &shown)?;
    out.flush().map_err(|source| Error::Io {
        path: shown.clone(),
        source,
    })?;
    drop(out);
    partial.commit()?;
    Ok(written)
}

/// Writes the gzipped export `reader` to `writer` as `compression` asks.
fn write_export<W: Write + ?Sized>(
    compression: Compression,
    mut reader: DownloadReader,
    writer: &mut W,
    zip_entry: &str,
    shown: &str,
) -> Result<u64, Error> {
    let file_id = reader.file_id();
    let mut out = Counting {
        inner: writer,
        written: 0,
    };
    // Errors from the reader side are the download's (or the gzip stream's); from the
    // writer side, the destination's.
    let copied = match compression {
        // The platform's gzip (possibly several members) is already a valid gzip file: it is
        // copied as it is, and inflated into nothing on the way, so that a corrupt or
        // truncated export fails here as it would in plain CSV instead of passing for whole.
        Compression::Gzip => {
            let mut tee = Tee {
                reader: &mut reader,
                writer: &mut out,
                failed: None,
            };
            let checked = io::copy(&mut MultiGzDecoder::new(&mut tee), &mut io::sink());
            if let Some(source) = tee.failed.take() {
                return Err(Error::Io {
                    path: shown.to_string(),
                    source,
                });
            }
            checked.map(drop).map_err(|e| from_io(e, file_id))
        }
        Compression::None => copy(&mut MultiGzDecoder::new(reader), &mut out, file_id, shown),
        Compression::Zip => {
            let mut zip = zip::ZipWriter::new_stream(&mut out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            zip.start_file(zip_entry, options)
                .map_err(|e| zip_error(e, shown))?;
            copy(&mut MultiGzDecoder::new(reader), &mut zip, file_id, shown)?;
            zip.finish().map_err(|e| zip_error(e, shown))?;
            Ok(())
        }
    };
    copied?;
    Ok(out.written)
}

/// A reader that writes every byte it reads to `writer`; a failed write is kept in `failed`
/// (the destination's error), and ends the read.
struct Tee<'a, R: Read, W: Write + ?Sized> {
    reader: &'a mut R,
    writer: &'a mut W,
    failed: Option<io::Error>,
}

impl<R: Read, W: Write + ?Sized> Read for Tee<'_, R, W> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.reader.read(buf)?;
        if let Err(error) = self.writer.write_all(&buf[..n]) {
            let kind = error.kind();
            self.failed = Some(error);
            return Err(io::Error::new(kind, "the destination failed"));
        }
        Ok(n)
    }
}

fn zip_error(error: zip::result::ZipError, shown: &str) -> Error {
    Error::Io {
        path: shown.to_string(),
        source: io::Error::other(error),
    }
}

/// Copies `reader` to `writer`, telling a failure to read (the download) from a failure to
/// write (`shown`).
fn copy<R: Read + ?Sized, W: Write + ?Sized>(
    reader: &mut R,
    writer: &mut W,
    file_id: i64,
    shown: &str,
) -> Result<(), Error> {
    let mut buffer = vec![0; PARSE_BUFFER];
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(from_io(e, file_id)),
        };
        writer.write_all(&buffer[..n]).map_err(|source| Error::Io {
            path: shown.to_string(),
            source,
        })?;
    }
}
