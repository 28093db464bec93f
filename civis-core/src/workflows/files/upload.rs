//! Uploads: the builder, which measures (or spools) what is uploaded and sends it as one form
//! POST ([`form_post`](super::form_post)) or in parts ([`multipart`](super::multipart)).

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::progress::{Progress, ProgressFn};
use super::sending::{Body, Upload};
use super::shared_file::SharedFile;
use super::{
    form_post, multipart, spool, MAX_DESCRIPTION_CHARS, MAX_FILE_SIZE, MULTIPART_THRESHOLD,
};
use crate::data::error::Error;
use crate::transport::client::Client;

/// What is uploaded.
enum Source<'c> {
    Path(PathBuf),
    Reader(Box<dyn Read + 'c>),
    Bytes(Vec<u8>),
}

/// When the file expires.
#[derive(Debug, Clone, PartialEq)]
enum Expiry {
    /// The API's default, 30 days: the key is not sent.
    Default,
    /// `expires_at: null`.
    Never,
    At(String),
}

/// An upload being prepared: [`Client::upload_file`], [`Client::upload_reader`] or
/// [`Client::upload_json`], ended by [`send`](UploadBuilder::send), which returns the new
/// file's id.
///
/// Up to [`MULTIPART_THRESHOLD`](super::MULTIPART_THRESHOLD) (50 MiB) the file goes in one form
/// POST to the presigned URL of `POST /files`; larger files go in parts through
/// `POST /files/multipart`, up to [`MAX_PARALLEL_PARTS`](super::MAX_PARALLEL_PARTS) at once, each
/// streamed from its offset in the file and retried on failure.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let id = client
///     .upload_file("data.csv")
///     .name("data.csv")
///     .description("nightly export")
///     .never_expires()
///     .progress(|done, total| eprintln!("{done} of {total} bytes"))
///     .send()?;
/// # Ok(()) }
/// ```
#[must_use = "an upload does nothing until `send` is called"]
pub struct UploadBuilder<'c> {
    client: &'c Client,
    source: Source<'c>,
    name: Option<String>,
    description: Option<String>,
    expiry: Expiry,
    progress: Option<ProgressFn>,
    error: Option<Error>,
}

impl fmt::Debug for UploadBuilder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match &self.source {
            Source::Path(path) => path.display().to_string(),
            Source::Reader(_) => "a reader".to_string(),
            Source::Bytes(bytes) => format!("{} bytes in memory", bytes.len()),
        };
        f.debug_struct("UploadBuilder")
            .field("source", &source)
            .field("name", &self.name)
            .field("description", &self.description)
            .field("expiry", &self.expiry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Uploads the file at `path` to Civis (civis-python's `file_to_civis` with a path); its
    /// name in Civis is the path's file name unless [`name`](UploadBuilder::name) says
    /// otherwise. See [`UploadBuilder`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id: i64 = client.upload_file("data.csv").send()?;
    /// # Ok(()) }
    /// ```
    pub fn upload_file(&self, path: impl AsRef<Path>) -> UploadBuilder<'_> {
        UploadBuilder::new(self, Source::Path(path.as_ref().to_path_buf()), None)
    }

    /// Uploads what `reader` yields as a Civis file called `name` (civis-python's
    /// `file_to_civis` with a buffer). The reader is first copied to a temporary file, because
    /// the API wants the number of parts before the upload starts.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let csv = "id,name\n1,a\n";
    /// let file_id = client.upload_reader(csv.as_bytes(), "small.csv").never_expires().send()?;
    /// # Ok(()) }
    /// ```
    pub fn upload_reader<'c>(
        &'c self,
        reader: impl Read + 'c,
        name: impl Into<String>,
    ) -> UploadBuilder<'c> {
        UploadBuilder::new(self, Source::Reader(Box::new(reader)), Some(name.into()))
    }

    /// Uploads `bytes` as a Civis file called `name`, from memory (no temporary file): for
    /// contents a script has made whole, such as a gzipped CSV of a DataFrame.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.upload_bytes(b"id,name\n1,a\n".to_vec(), "small.csv").send()?;
    /// # Ok(()) }
    /// ```
    pub fn upload_bytes(&self, bytes: Vec<u8>, name: impl Into<String>) -> UploadBuilder<'_> {
        UploadBuilder::new(self, Source::Bytes(bytes), Some(name.into()))
    }

    /// Uploads `value` as a JSON file, compact, called `file.json` unless
    /// [`name`](UploadBuilder::name) says otherwise (civis-python's `json_to_file`, whose
    /// default name this is); read it back with
    /// [`DownloadBuilder::json`](super::DownloadBuilder::json). For indented JSON, see
    /// [`upload_json_pretty`](Client::upload_json_pretty).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.upload_json(&serde_json::json!({"rows": 3})).name("summary.json").send()?;
    /// # Ok(()) }
    /// ```
    pub fn upload_json<T: serde::Serialize + ?Sized>(&self, value: &T) -> UploadBuilder<'_> {
        self.json_upload(serde_json::to_vec(value))
    }

    /// [`upload_json`](Client::upload_json), indented two spaces a level (civis-python's
    /// `json_to_file(obj, indent=2)`), for files people read.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id = client.upload_json_pretty(&serde_json::json!({"rows": 3})).send()?;
    /// # Ok(()) }
    /// ```
    pub fn upload_json_pretty<T: serde::Serialize + ?Sized>(&self, value: &T) -> UploadBuilder<'_> {
        self.json_upload(serde_json::to_vec_pretty(value))
    }

    fn json_upload(&self, json: serde_json::Result<Vec<u8>>) -> UploadBuilder<'_> {
        const NAME: &str = "file.json";
        match json {
            Ok(bytes) => self.upload_bytes(bytes, NAME),
            Err(e) => {
                let mut builder = self.upload_reader(io::empty(), NAME);
                builder.error = Some(Error::Usage(format!(
                    "the value to upload cannot be written as JSON: {e}"
                )));
                builder
            }
        }
    }
}

impl<'c> UploadBuilder<'c> {
    fn new(client: &'c Client, source: Source<'c>, name: Option<String>) -> Self {
        Self {
            client,
            source,
            name,
            description: None,
            expiry: Expiry::Default,
            progress: None,
            error: None,
        }
    }

    /// The file's name in Civis.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.upload_file("/tmp/x123.csv").name("report.csv").send()?;
    /// # Ok(()) }
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The file's description: at most 512 characters, as the API allows ([`send`] fails
    /// with [`Error::Usage`] before any request otherwise, as civis-python raises
    /// `ValueError`).
    ///
    /// [`send`]: UploadBuilder::send
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.upload_file("data.csv").description("nightly export").send()?;
    /// # Ok(()) }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// When the file expires, as an RFC 3339 date and time (`2027-01-01T00:00:00Z`). Without
    /// it (or [`never_expires`](Self::never_expires)) the API's default applies: 30 days.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.upload_file("data.csv").expires_at("2027-01-01T00:00:00Z").send()?;
    /// # Ok(()) }
    /// ```
    pub fn expires_at(mut self, rfc3339: impl Into<String>) -> Self {
        self.expiry = Expiry::At(rfc3339.into());
        self
    }

    /// The file never expires: sends `expires_at: null` (civis-python's `expires_at=None`),
    /// since a request without the key gets the 30-day default.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client.upload_file("model.bin").never_expires().send()?;
    /// # Ok(()) }
    /// ```
    pub fn never_expires(mut self) -> Self {
        self.expiry = Expiry::Never;
        self
    }

    /// Calls `callback(bytes_sent, total_bytes)` as the upload progresses. Parts of a multipart
    /// upload are sent on several threads, which call it in turn; the count goes back when an
    /// attempt that failed is sent again. (A reader's bytes count from when it is sent, after
    /// it has been spooled.)
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// client
    ///     .upload_file("big.csv")
    ///     .progress(|done, total| eprint!("\r{}%", done * 100 / total.max(1)))
    ///     .send()?;
    /// # Ok(()) }
    /// ```
    pub fn progress(mut self, callback: impl Fn(u64, u64) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(callback));
        self
    }

    /// Uploads the file and returns its id.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let file_id: i64 = client.upload_file("data.csv").send()?;
    /// println!("uploaded as file {file_id}");
    /// # Ok(()) }
    /// ```
    pub fn send(self) -> Result<i64, Error> {
        if let Some(error) = self.error {
            return Err(error);
        }
        if let Some(description) = &self.description {
            let chars = description.chars().count();
            if chars > MAX_DESCRIPTION_CHARS {
                return Err(Error::Usage(format!(
                    "the description has {chars} characters; a file's may have at most {MAX_DESCRIPTION_CHARS}"
                )));
            }
        }
        let spooled;
        let bytes;
        let (body, size, name) = match self.source {
            Source::Path(path) => {
                // A local problem is found before any request, so that it neither leaves a
                // file record behind nor is retried as if the network had failed.
                let io = |source: std::io::Error| Error::Io {
                    path: path.display().to_string(),
                    source,
                };
                let not_regular = || {
                    Error::Usage(format!(
                        "{} is not a regular file (a directory?): nothing was sent",
                        path.display()
                    ))
                };
                // Checked before opening it, which would wait on a named pipe.
                if !std::fs::metadata(&path).map_err(io)?.is_file() {
                    return Err(not_regular());
                }
                // One open file for the whole upload: every part reads it, never the path.
                let file = File::open(&path).map_err(io)?;
                let measured = file.metadata().map_err(io)?;
                if !measured.is_file() {
                    return Err(not_regular());
                }
                let size = measured.len();
                let name = match self.name {
                    Some(name) => name,
                    None => path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .ok_or_else(|| {
                            Error::Usage(format!(
                                "{} has no file name to name the upload by; give one with .name(..)",
                                path.display()
                            ))
                        })?,
                };
                let file = SharedFile::new(file);
                (
                    Body::File {
                        file,
                        path,
                        measured,
                    },
                    size,
                    name,
                )
            }
            Source::Reader(mut reader) => {
                spooled = spool::spool_upload(&mut reader)?;
                let name = self.name.unwrap_or_default();
                (Body::Spool(&spooled), spooled.size(), name)
            }
            Source::Bytes(owned) => {
                bytes = owned;
                let name = self.name.unwrap_or_default();
                (Body::Memory(&bytes), bytes.len() as u64, name)
            }
        };
        if size > MAX_FILE_SIZE {
            return Err(Error::Usage(format!(
                "{name} has {size} bytes, more than the {MAX_FILE_SIZE} (5 TiB) a Civis file may hold: nothing was sent"
            )));
        }
        let mut fields = Map::new();
        fields.insert("name".into(), Value::String(name));
        if let Some(description) = self.description {
            fields.insert("description".into(), Value::String(description));
        }
        match self.expiry {
            Expiry::Default => {}
            Expiry::Never => {
                fields.insert("expires_at".into(), Value::Null);
            }
            Expiry::At(at) => {
                fields.insert("expires_at".into(), Value::String(at));
            }
        }
        let progress = Progress::new(self.progress, size);
        let upload = Upload {
            client: self.client,
            body,
            size,
            progress: &progress,
        };
        if size > MULTIPART_THRESHOLD {
            multipart::upload(&upload, fields)
        } else {
            form_post::upload(&upload, fields)
        }
    }
}
