//! Downloads: the builder, and a reader that resumes with `Range` requests.

use std::fmt;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use ureq::SendBody;

use super::partial::{self, PartialFile, Resume};
use super::progress::{Progress, ProgressFn};
use super::storage::{self, Failure};
use crate::data::error::Error;
use crate::transport::client::Client;
use crate::transport::retry::Retrier;

/// A download being prepared: [`Client::download_file`], ended by
/// [`to_path`](Self::to_path), [`to_writer`](Self::to_writer), [`reader`](Self::reader) or
/// [`json`](Self::json).
///
/// The file streams from its presigned URL: memory does not grow with its size. After a dropped
/// connection or a 5xx answer the download resumes from the last byte received with a `Range`
/// request (civis-python starts over), and the bytes received are checked against the file's
/// size.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let bytes = client
///     .download_file(123)
///     .progress(|done, total| eprintln!("{done} of {total} bytes"))
///     .to_path("out.csv")?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
#[must_use = "a download does nothing until it is ended by to_path, to_writer, reader or json"]
pub struct DownloadBuilder<'c> {
    client: &'c Client,
    id: i64,
    /// A presigned URL of the file given by another answer, which spares `GET /files/{id}`.
    url: Option<String>,
    progress: Option<ProgressFn>,
}

impl fmt::Debug for DownloadBuilder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DownloadBuilder")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Downloads the Civis file `id` (civis-python's `civis_to_file` and `file_to_json`). See
    /// [`DownloadBuilder`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.download_file(123).to_path("out.csv")?;
    /// let mut buffer = Vec::new();
    /// client.download_file(123).to_writer(&mut buffer)?;
    /// # Ok(()) }
    /// ```
    pub fn download_file(&self, id: i64) -> DownloadBuilder<'_> {
        DownloadBuilder {
            client: self,
            id,
            url: None,
            progress: None,
        }
    }

    /// Downloads file `id` from `url`, a presigned URL of it that the API gave in another
    /// answer (a notebook's `notebook_url`, a SQL export's `path`), without asking
    /// `GET /files/{id}` for it again. The URL is used as given: it is never sent the API key.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let url = "https://storage.example/notebook.ipynb?signature=...";
    /// client.download_file_from(123, url).to_path("notebook.ipynb")?;
    /// # Ok(()) }
    /// ```
    pub fn download_file_from(&self, id: i64, url: impl Into<String>) -> DownloadBuilder<'_> {
        DownloadBuilder {
            url: Some(url.into()),
            ..self.download_file(id)
        }
    }
}

/// The fields of `GET /files/{id}` that a download needs.
#[derive(Deserialize)]
struct FileInfo {
    #[serde(rename = "fileUrl", default)]
    file_url: Option<String>,
    #[serde(rename = "fileSize", default)]
    file_size: Option<u64>,
}

impl DownloadBuilder<'_> {
    /// Calls `callback(bytes_received, total_bytes)` as the download progresses (`total` is 0
    /// when neither the API nor storage tells the size).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client
    ///     .download_file(123)
    ///     .progress(|done, total| eprint!("\r{done}/{total}"))
    ///     .to_path("out.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn progress(mut self, callback: impl Fn(u64, u64) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(callback));
        self
    }

    /// A reader of the file's bytes. `GET /files/{id}` and the first storage request happen
    /// now, so an expired file or a refused URL is an error here; later failures resume
    /// within `read`, and those that retries do not cure come out of `read` as an
    /// [`io::Error`] wrapping the [`Error`] (`error.into_inner()` and downcast to get it).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let client = civis::Client::new()?;
    /// use std::io::BufRead;
    /// let reader = std::io::BufReader::new(client.download_file(123).reader()?);
    /// for line in reader.lines() {
    ///     println!("{}", line?);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn reader(self) -> Result<DownloadReader, Error> {
        self.open(None)
    }

    /// The reader, going on from `resume` (an interrupted download's bytes) when storage still
    /// holds that version of the object.
    fn open(self, resume: Option<&Resume>) -> Result<DownloadReader, Error> {
        let (url, size) = match self.url {
            Some(url) => (Some(url), None),
            None => {
                let info: FileInfo = self.client.get_json(&format!("/files/{}", self.id), &[])?;
                (info.file_url, info.file_size)
            }
        };
        let url = match url {
            Some(url) if !url.is_empty() => url,
            _ => return Err(Error::FileExpired { id: self.id }),
        };
        DownloadReader::open_at(self.client, self.id, url, size, self.progress, resume)
    }

    /// Writes the file to `writer` and returns the number of bytes written.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let stdout = std::io::stdout();
    /// client.download_file(123).to_writer(&mut stdout.lock())?;
    /// # Ok(()) }
    /// ```
    pub fn to_writer<W: Write + ?Sized>(self, writer: &mut W) -> Result<u64, Error> {
        self.reader()?.copy_to(writer, "the writer")
    }

    /// The file's bytes, in memory: for small files (a config, a JSON answer, a short CSV).
    /// Larger ones are better streamed with [`to_path`](Self::to_path),
    /// [`to_writer`](Self::to_writer) or [`reader`](Self::reader).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let text = String::from_utf8_lossy(&client.download_file(123).bytes()?).into_owned();
    /// # Ok(()) }
    /// ```
    pub fn bytes(self) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        self.to_writer(&mut bytes)?;
        Ok(bytes)
    }

    /// Writes the file to `path` and returns the number of bytes written. The file appears under
    /// `path` only once it is complete: it is written as `.NAME.civis-partial` beside it and
    /// renamed, so a failed download (or a killed process) leaves no truncated file under the
    /// final name, and a file already there is replaced only by a whole one. A download of the
    /// same file to the same path that was killed, or failed on storage's side (its error names
    /// the partial file kept), goes on from where it stopped (`Range`, with `If-Range` on the
    /// object's `ETag`) when storage still holds the same object; else, or when what was left
    /// cannot be resumed (a link, a longer file than the object), it starts afresh. Nothing is
    /// ever written through a link planted at the partial file's name.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.download_file(123).to_path("out.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn to_path(self, path: impl AsRef<Path>) -> Result<u64, Error> {
        let path = path.as_ref();
        let resume = PartialFile::resumable(path, self.id);
        let mut reader = self.open(resume.as_ref()).map_err(|error| match &resume {
            // The earlier download's bytes are still there, for the next try.
            Some(resume) => partial::naming_kept(error, &resume.path, resume.received),
            None => error,
        })?;
        reader.save(path)
    }

    /// Decodes the file as JSON (civis-python's `file_to_json`), streaming: the file's bytes
    /// are never all in memory at once.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let summary: serde_json::Value = client.download_file(123).json()?;
    /// # Ok(()) }
    /// ```
    pub fn json<T: DeserializeOwned>(self) -> Result<T, Error> {
        let id = self.id;
        let reader = io::BufReader::with_capacity(COPY_BUFFER, self.reader()?);
        serde_json::from_reader(reader).map_err(|e| {
            if e.is_io() {
                from_io(io::Error::from(e), id)
            } else {
                Error::Decode {
                    method: "GET".into(),
                    path: format!("file {id}"),
                    detail: e.to_string(),
                    snippet: String::new(),
                }
            }
        })
    }
}

/// The error a [`DownloadReader`] returned through `io::Error`, unwrapped (also for readers
/// layered on it, as the SQL export's gzip and CSV parser).
pub(crate) fn from_io(error: io::Error, id: i64) -> Error {
    let path = format!("the download of file {id}");
    if !error.get_ref().is_some_and(|inner| inner.is::<Error>()) {
        return Error::Io {
            path,
            source: error,
        };
    }
    let kind = error.kind();
    match error.into_inner().map(|inner| inner.downcast::<Error>()) {
        Some(Ok(ours)) => *ours,
        _ => Error::Io {
            path,
            source: kind.into(),
        },
    }
}

/// How much is read and written at a time.
const COPY_BUFFER: usize = 256 * 1024;

/// The bytes of a Civis file, streamed from storage, resuming with `Range` requests after a
/// dropped connection or a 5xx answer (by the client's retry rules, whose count starts afresh
/// whenever bytes arrive). Made by [`DownloadBuilder::reader`].
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let client = civis::Client::new()?;
/// let mut reader = client.download_file(123).reader()?;
/// std::io::copy(&mut reader, &mut std::io::sink())?;
/// # Ok(()) }
/// ```
pub struct DownloadReader {
    client: Client,
    id: i64,
    url: String,
    size: Option<u64>,
    received: u64,
    body: Option<ureq::BodyReader<'static>>,
    retrier: Retrier,
    progress: Progress,
    /// The stall check's window: when it started, and the bytes received since.
    window: (std::time::Instant, u64),
    /// The stored object's `ETag`, from storage's latest answer.
    etag: Option<String>,
    /// The `ETag` an interrupted download's bytes came from: the first request asks to go on
    /// only if storage still holds that object.
    if_range: Option<String>,
    /// The bytes a resumed download did not download again.
    resumed: u64,
    /// Every byte has arrived: a resumed download whose partial file was already whole.
    complete: bool,
}

impl fmt::Debug for DownloadReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DownloadReader")
            .field("id", &self.id)
            .field("url", &storage::redact(&self.url))
            .field("size", &self.size)
            .field("received", &self.received)
            .finish_non_exhaustive()
    }
}

impl DownloadReader {
    /// The file's size, as the API (or else storage) gives it.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let reader = client.download_file(123).reader()?;
    /// println!("{:?} bytes to come", reader.size());
    /// # Ok(()) }
    /// ```
    pub fn size(&self) -> Option<u64> {
        self.size
    }

    /// A reader of file `id` from `url`, a presigned URL of its bytes that the API gave (from
    /// `GET /files/{id}`, or elsewhere: a notebook's `notebook_url`); the first storage request
    /// happens now.
    fn open_at(
        client: &Client,
        id: i64,
        url: String,
        size: Option<u64>,
        progress: Option<ProgressFn>,
        resume: Option<&Resume>,
    ) -> Result<Self, Error> {
        let mut reader = DownloadReader {
            retrier: storage::retrier(client.config()),
            client: client.clone(),
            id,
            url,
            size,
            received: resume.map_or(0, |r| r.received),
            body: None,
            progress: Progress::new(progress, size.unwrap_or(0)),
            window: (client.config().clock.now(), 0),
            etag: None,
            if_range: resume.map(|r| r.etag.clone()),
            resumed: 0,
            complete: false,
        };
        reader.open()?;
        Ok(reader)
    }

    /// Writes the rest of the file to `path` and returns the number of bytes written: under a
    /// temporary name beside it, renamed onto `path` once complete (see [`PartialFile`]), so that
    /// a failure or a killed process never leaves a truncated file under the final name, nor
    /// touches a file already there.
    ///
    /// When storage fails the transfer (after its retries), the bytes received stay in the
    /// temporary file, which the error names, for the next download to go on from.
    fn save(&mut self, path: &Path) -> Result<u64, Error> {
        let shown = path.display().to_string();
        let mut partial = PartialFile::open(path, self.resumed)?;
        if let Some(etag) = &self.etag {
            partial.note(self.id, etag);
        }
        match self.copy_to(partial.file(), &shown) {
            Ok(written) => {
                partial.commit()?;
                Ok(self.resumed + written)
            }
            Err(error @ Error::Storage { .. }) if self.etag.is_some() && self.received > 0 => {
                let kept = partial.path().to_path_buf();
                partial.keep();
                Err(partial::naming_kept(error, &kept, self.received))
            }
            Err(error) => Err(error),
        }
    }

    /// The id of the file being read.
    #[cfg(feature = "io")]
    pub(crate) fn file_id(&self) -> i64 {
        self.id
    }

    /// Copies the rest of the file to `writer` (shown in errors as `shown`).
    fn copy_to<W: Write + ?Sized>(&mut self, writer: &mut W, shown: &str) -> Result<u64, Error> {
        let mut buffer = vec![0; COPY_BUFFER];
        let mut written = 0u64;
        loop {
            let n = self.read_or_error(&mut buffer)?;
            if n == 0 {
                break;
            }
            writer.write_all(&buffer[..n]).map_err(|source| Error::Io {
                path: shown.to_string(),
                source,
            })?;
            written += n as u64;
        }
        writer.flush().map_err(|source| Error::Io {
            path: shown.to_string(),
            source,
        })?;
        Ok(written)
    }

    /// Opens the storage connection for the bytes from `received` on, retrying.
    fn open(&mut self) -> Result<(), Error> {
        loop {
            match self.try_open() {
                Ok(body) => {
                    self.complete = body.is_none();
                    self.body = body;
                    // The wait before a reconnection is no stall of the transfer.
                    self.window = (self.client.config().clock.now(), 0);
                    return Ok(());
                }
                Err(failure) => self.retry(failure)?,
            }
        }
    }

    /// The body from `received` on; `None` when an interrupted download had every byte already.
    fn try_open(&mut self) -> Result<Option<ureq::BodyReader<'static>>, Failure> {
        let mut range = if self.received > 0 {
            vec![("Range", format!("bytes={}-", self.received))]
        } else {
            Vec::new()
        };
        if let Some(etag) = &self.if_range {
            range.push(("If-Range", etag.clone()));
        }
        let response = storage::send(&self.client, "GET", &self.url, &range, SendBody::none())?;
        let status = response.status().as_u16();
        if let Some(etag) = response.headers().get("etag").and_then(|v| v.to_str().ok()) {
            self.etag = Some(etag.to_string());
        }
        let resuming = self.if_range.take().is_some() && self.received > 0;
        if resuming && status == 206 {
            // The interrupted download's bytes are of this object: go on after them.
            self.resumed = self.received;
            log::info!(
                "the download of file {} resumes at byte {}, after the bytes an earlier one left",
                self.id,
                self.received
            );
        } else if resuming && status == 200 {
            // Storage holds another object now: start over.
            log::info!(
                "the download of file {} starts afresh: storage holds another version than the {} bytes an earlier one left",
                self.id,
                self.received
            );
            self.received = 0;
        }
        if status == 416 && self.received > 0 {
            // Asked to go on at or past the end of the object.
            let total = object_size(&response).or(self.size);
            if total == Some(self.received) && self.size.is_none_or(|s| s == self.received) {
                // Every byte is here already (a download killed before its rename).
                self.resumed = self.received;
                log::info!(
                    "the download of file {} had all its {} bytes already",
                    self.id,
                    self.received
                );
                return Ok(None);
            }
            if resuming {
                // What an earlier download left does not fit this object: start over.
                log::info!(
                    "the download of file {} starts afresh: the {} bytes an earlier one left are more than the object's {}",
                    self.id,
                    self.received,
                    total.map_or_else(|| "size".to_string(), |t| t.to_string())
                );
                self.received = 0;
                return self.try_open();
            }
            // The object is shorter than the size the API gave (a stale `fileSize`), and
            // every byte of it has arrived.
            return Err(Failure::ShortObject);
        }
        if !(status == 200 || status == 206) {
            return Err(Failure::from_response(response));
        }
        if self.size.is_none() && status == 200 {
            self.size = response
                .headers()
                .get("content-length")
                .and_then(|v| v.to_str().ok()?.trim().parse().ok());
        }
        let mut body = response.into_body().into_reader();
        if status == 200 && self.received > 0 {
            // Storage ignored the range and sent the whole file: skip what was received.
            let skipped = io::copy(&mut (&mut body).take(self.received), &mut io::sink())
                .map_err(|e| Failure::Transport(e.to_string()))?;
            if skipped < self.received {
                return Err(Failure::Transport(format!(
                    "the connection closed after {skipped} bytes"
                )));
            }
        }
        Ok(Some(body))
    }

    fn retry(&mut self, failure: Failure) -> Result<(), Error> {
        if matches!(failure, Failure::ShortObject) {
            return Err(Error::FileSize {
                id: self.id,
                expected: self.size.unwrap_or(self.received),
                received: self.received,
            });
        }
        let what = format!(
            "the download of file {} after {} bytes",
            self.id, self.received
        );
        self.retrier
            .again(&what, failure.classify("GET", &self.url))
    }

    /// Counts `n` bytes into the stall check's window; at the end of a window, a transfer under
    /// the floor fails (the AWS SDK's stalled-stream protection), and one above it has
    /// progressed (its retry budget starts afresh).
    fn check_rate(&mut self, n: u64) -> Result<(), Error> {
        let config = self.client.config();
        let floor = config.stalled_transfer();
        let now = config.clock.now();
        self.window.1 += n;
        let elapsed = now.duration_since(self.window.0);
        if elapsed < floor.grace {
            return Ok(());
        }
        let bytes = self.window.1;
        self.window = (now, 0);
        if (bytes as f64) < floor.min_bytes_per_second as f64 * elapsed.as_secs_f64() {
            self.body = None;
            return Err(Error::Storage {
                method: "GET".into(),
                url: storage::redact(&self.url).to_string(),
                status: None,
                message: format!(
                    "the download of file {} stalled: {bytes} bytes in the last {:.1} s, under the floor of {} bytes/s (after {} bytes); see ClientBuilder::stalled_transfer",
                    self.id,
                    elapsed.as_secs_f64(),
                    floor.min_bytes_per_second,
                    self.received
                ),
            });
        }
        self.retrier.progressed();
        Ok(())
    }

    /// `read`, with the crate's error.
    fn read_or_error(&mut self, buf: &mut [u8]) -> Result<usize, Error> {
        if self.complete {
            return Ok(0);
        }
        loop {
            let Some(body) = self.body.as_mut() else {
                self.open()?;
                if self.complete {
                    return Ok(0);
                }
                continue;
            };
            match body.read(buf) {
                // The body stays, so that a read after the end reads the end again.
                Ok(0) => match self.size {
                    Some(size) if self.received < size => {
                        self.body = None;
                        let cut = format!(
                            "the connection closed after {} of {size} bytes",
                            self.received
                        );
                        self.retry(Failure::Transport(cut))?;
                    }
                    _ => return Ok(0),
                },
                Ok(n) => {
                    self.received += n as u64;
                    if let Some(size) = self.size.filter(|size| self.received > *size) {
                        return Err(Error::FileSize {
                            id: self.id,
                            expected: size,
                            received: self.received,
                        });
                    }
                    self.check_rate(n as u64)?;
                    self.progress.add(n as u64);
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.body = None;
                    self.retry(Failure::Transport(e.to_string()))?;
                }
            }
        }
    }
}

impl Read for DownloadReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.read_or_error(buf).map_err(io::Error::other)
    }
}

/// The object's size in a 416 answer's `Content-Range: bytes */SIZE`.
fn object_size(response: &ureq::http::Response<ureq::Body>) -> Option<u64> {
    let range = response.headers().get("content-range")?.to_str().ok()?;
    range.trim().strip_prefix("bytes */")?.trim().parse().ok()
}
