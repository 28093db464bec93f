//! Uploads: the builder, and the single form POST for files up to the multipart threshold.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde_json::{Map, Value};
use ureq::SendBody;

use super::progress::{Counted, Progress, ProgressFn};
use super::storage::{self, Failure};
use super::{multipart, spool, MAX_DESCRIPTION_CHARS, MAX_FILE_SIZE, MULTIPART_THRESHOLD};
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
                let metadata = std::fs::metadata(&path).map_err(io)?;
                if !metadata.is_file() {
                    return Err(Error::Usage(format!(
                        "{} is not a regular file (a directory?): nothing was sent",
                        path.display()
                    )));
                }
                File::open(&path).map_err(io)?;
                let size = metadata.len();
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
                (Body::File(path), size, name)
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
            upload.single(fields)
        }
    }
}

/// Where the bytes of an upload are.
pub(super) enum Body<'a> {
    File(PathBuf),
    Spool(&'a spool::UploadSpool),
    Memory(&'a [u8]),
}

/// A file being uploaded.
pub(super) struct Upload<'a> {
    pub(super) client: &'a Client,
    pub(super) body: Body<'a>,
    pub(super) size: u64,
    pub(super) progress: &'a Progress,
}

/// The answer of `POST /files`.
#[derive(Deserialize)]
struct Created {
    id: i64,
    #[serde(rename = "uploadUrl")]
    upload_url: String,
    #[serde(rename = "uploadFields", default)]
    upload_fields: Map<String, Value>,
}

impl Upload<'_> {
    /// `POST /files/`, then the form POST of the file to the presigned URL with the fields the
    /// API gave.
    fn single(&self, fields: Map<String, Value>) -> Result<i64, Error> {
        let name = fields
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("file")
            .to_string();
        let created: Created = self.api_post("/files/", fields)?;
        let form = Form::new(&created.upload_fields, name);
        let url = created.upload_url.as_str();
        let what = format!("the upload of file {}", created.id);
        let config = self.client.config();
        let mut retrier = storage::retrier(config);
        loop {
            let mut counted = Counted {
                inner: self.open_at(0)?.take(self.size),
                progress: self.progress,
                count: 0,
            };
            let headers = [
                ("Content-Type", form.content_type()),
                ("Content-Length", form.length(self.size).to_string()),
            ];
            let attempt = {
                let mut body = form.body(&mut counted);
                storage::send(
                    self.client,
                    "POST",
                    url,
                    &headers,
                    SendBody::from_reader(&mut body),
                )
            }
            .and_then(finished);
            match attempt {
                Ok(()) => return Ok(created.id),
                Err(failure) => {
                    self.progress.take_back(counted.count);
                    retrier.again(&what, failure.classify("POST", url))?;
                }
            }
        }
    }

    /// A POST of `body` to the API, decoded.
    pub(super) fn api_post<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: Map<String, Value>,
    ) -> Result<T, Error> {
        self.client.send_json("POST", path, Value::Object(body))
    }

    /// The bytes from `offset` on: the file opened and positioned there, or the rest of the
    /// memory.
    pub(super) fn open_at(&self, offset: u64) -> Result<Box<dyn Read + Send + '_>, Error> {
        match &self.body {
            Body::Memory(bytes) => {
                let start = usize::try_from(offset)
                    .unwrap_or(usize::MAX)
                    .min(bytes.len());
                Ok(Box::new(&bytes[start..]))
            }
            Body::Spool(spooled) => spooled.reader_at(offset),
            Body::File(path) => {
                let io_error = |source| Error::Io {
                    path: path.display().to_string(),
                    source,
                };
                let mut file = File::open(path).map_err(io_error)?;
                file.seek(SeekFrom::Start(offset)).map_err(io_error)?;
                Ok(Box::new(file))
            }
        }
    }
}

/// `Ok` for a success, whose (small) body is read so that the connection goes back to the
/// pool; the failure it stands for otherwise.
pub(super) fn finished(mut response: ureq::http::Response<ureq::Body>) -> Result<(), Failure> {
    if !response.status().is_success() {
        return Err(Failure::from_response(response));
    }
    let _ = response
        .body_mut()
        .with_config()
        .limit(1 << 20)
        .read_to_vec();
    Ok(())
}

/// A `multipart/form-data` body whose file part is streamed: the fields before it and the
/// closing boundary after it are small and made once.
struct Form {
    boundary: String,
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl Form {
    /// The API's fields with `key` first and the file last, as civis-python sends them (S3
    /// ignores every field after the file).
    fn new(fields: &Map<String, Value>, file_name: String) -> Self {
        let boundary = format!("civis-rs-{:016x}{:016x}", random(), random());
        let mut head = Vec::new();
        let ordered = fields
            .iter()
            .filter(|(k, _)| *k == "key")
            .chain(fields.iter().filter(|(k, _)| *k != "key"));
        for (name, value) in ordered {
            let value = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            head.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                    quoted(name)
                )
                .as_bytes(),
            );
        }
        head.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                quoted(&file_name)
            )
            .as_bytes(),
        );
        let tail = format!("\r\n--{boundary}--\r\n").into_bytes();
        Self {
            boundary,
            head,
            tail,
        }
    }

    fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    fn length(&self, file_size: u64) -> u64 {
        self.head.len() as u64 + file_size + self.tail.len() as u64
    }

    fn body<'f>(&'f self, file: impl Read + 'f) -> impl Read + 'f {
        self.head.as_slice().chain(file).chain(self.tail.as_slice())
    }
}

/// 64 random bits from the standard library's per-process random keys: a boundary that the
/// file's bytes will not happen to contain.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    hasher.finish()
}

/// A name as it may stand between the quotes of a `Content-Disposition` header.
fn quoted(name: &str) -> String {
    name.replace(['"', '\r', '\n'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_puts_the_key_first_the_file_last_and_announces_its_exact_length() {
        let mut fields = Map::new();
        fields.insert("policy".into(), Value::from("p"));
        fields.insert("key".into(), Value::from("files/1"));
        fields.insert("x-amz-date".into(), Value::from(20270101));
        let form = Form::new(&fields, "a\"b.csv".into());
        let file = b"col\n1\n";
        let mut body = Vec::new();
        form.body(&file[..]).read_to_end(&mut body).unwrap();
        assert_eq!(body.len() as u64, form.length(file.len() as u64));

        let text = String::from_utf8(body).unwrap();
        let position = |needle: &str| text.find(needle).unwrap();
        assert!(position("name=\"key\"") < position("name=\"policy\""));
        assert!(position("name=\"policy\"") < position("name=\"file\""));
        assert!(text.contains("\r\n\r\n20270101\r\n"));
        assert!(text.contains("filename=\"a_b.csv\""));
        let boundary = form
            .content_type()
            .split("boundary=")
            .nth(1)
            .unwrap()
            .to_string();
        assert!(text.ends_with(&format!("col\n1\n\r\n--{boundary}--\r\n")));
        assert_ne!(Form::new(&fields, "x".into()).boundary, form.boundary);
    }
}
