//! The mock's file storage: `POST /files/` and `POST /files/multipart` answer with upload URLs
//! on it, `POST /files/multipart/{id}/complete` joins the parts, and `GET /files/{id}` answers
//! with a download URL on it that honours `Range`.
//!
//! Storage is a server of its own (the mock's HTTP server, on another port of 127.0.0.1), as S3
//! is another host than the API. Stored bytes go to a temporary
//! directory, removed with the mock, so a test of a gigabyte file needs a gigabyte of disk, not
//! of memory. Storage answers as S3 does where it matters to a client: a body without
//! `Content-Length` is refused (411), and so is a request that carries an `Authorization`
//! header besides the presigned URL (400). Its requests are recorded with the API's, without
//! their bodies.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use serde_json::{json, Map, Value};

use super::http::{Head, HttpServer, Reply};
use super::jobs::timestamp;
use super::routes::Simulation;
use super::routing::{self, route, Params, Route};
use super::{Incoming, ReceivedRequest, Scripted, State};

/// The path under which storage serves files (the start of every pattern of [`ROUTES`]).
const PREFIX: &str = "/storage/";

/// A handler of storage's [`ROUTES`]: the request's path parameters, the request, and its body
/// to read, to the answer (`None`: the 404 of an unknown URL).
type Handler = fn(&Store, &Params, &ReceivedRequest, &mut dyn Read) -> Option<Reply>;

/// Storage's URLs, the ones the API's answers give: downloads, form uploads and the parts of
/// multipart uploads. Anything else is a 404, as S3 answers a key it does not have.
static ROUTES: &[Route<Handler>] = &[
    route("GET", "/storage/files/{id}", Store::download),
    // What S3 answers a presigned GET's URL asked with HEAD: the object's size and ETag (readers
    // such as polars' ask before they download).
    route("HEAD", "/storage/files/{id}", Store::head),
    route("POST", "/storage/form/{id}", Store::receive_form),
    route("PUT", "/storage/parts/{id}/{part}", Store::receive_part),
];

/// The first id the mock gives a file: far from the ids of the spec's recordings, which the
/// mock still answers for files it does not hold.
const FIRST_ID: i64 = 100_001;

/// Files default to expiring 30 days after upload, as the API's do.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(30 * 24 * 3600);

/// The running storage server; dropping it stops the server and removes the stored files.
pub(super) struct Storage {
    store: Arc<Store>,
    _server: HttpServer,
}

/// The stored files, shared by the storage server and the API's file endpoints.
#[derive(Debug)]
pub(super) struct Store {
    dir: tempfile::TempDir,
    address: SocketAddr,
    state: Mutex<Files>,
}

#[derive(Debug, Default)]
struct Files {
    next_id: i64,
    files: HashMap<i64, Stored>,
    /// Parts (from 1) whose next PUT fails with the status.
    failing_parts: Vec<(usize, u16)>,
    /// The next download stops after this many bytes of its body.
    drop_download_after: Option<u64>,
    /// The next download pauses this long after this many bytes of its body.
    stall_download_after: Option<(u64, std::time::Duration)>,
    /// The next download sends this many bytes at a time, pausing this long between.
    trickle_download: Option<(usize, std::time::Duration)>,
}

#[derive(Debug)]
struct Stored {
    meta: Map<String, Value>,
    /// How many parts a multipart upload has; 0 for a form upload.
    parts: usize,
    /// The size, once the bytes are stored.
    size: Option<u64>,
    expired: bool,
}

/// `POST /files`: a file to upload with a form, to the upload URL the answer gives.
pub(crate) fn post_files(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    Some(simulation.store.create(incoming.body_fields(), 0))
}

/// `POST /files/multipart`: a file to upload in `num_parts` parts, to the URLs the answer
/// gives; a 400 without a positive `num_parts`.
pub(crate) fn post_multipart(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let parts = body
        .get("num_parts")
        .and_then(Value::as_u64)
        .filter(|n| *n > 0);
    Some(match parts {
        Some(parts) => simulation.store.create(body, parts as usize),
        None => error(400, "num_parts must be a positive integer"),
    })
}

/// `POST /files/multipart/{id}/complete` of an upload the store made: its parts joined.
pub(crate) fn post_multipart_complete(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.store.complete(params.number("id")?)
}

/// `GET /files/{id}` of a file the store holds: it, with a download URL once its bytes are
/// stored and while it has not expired.
pub(crate) fn get_files(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.store.describe(params.number("id")?)
}

impl Storage {
    /// Starts storage on a free port; its requests are recorded in `received`.
    pub(super) fn start(received: Arc<Mutex<State>>) -> io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let store = Arc::new(Store {
            dir: tempfile::Builder::new().prefix("civis-mock-").tempdir()?,
            address: listener.local_addr()?,
            state: Mutex::new(Files {
                next_id: FIRST_ID,
                ..Files::default()
            }),
        });
        let serving = store.clone();
        let server = HttpServer::start(
            listener,
            Arc::new(move |head: &Head, body: &mut dyn Read| serving.serve(head, body, &received)),
        )?;
        Ok(Self {
            store,
            _server: server,
        })
    }

    pub(super) fn store(&self) -> &Arc<Store> {
        &self.store
    }
}

impl Drop for Storage {
    /// Removes the stored files now, not when the last open connection ends.
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(self.store.dir.path());
    }
}

impl Store {
    fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    fn lock(&self) -> MutexGuard<'_, Files> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn path(&self, id: i64) -> PathBuf {
        self.dir.path().join(id.to_string())
    }

    fn part_path(&self, id: i64, part: usize) -> PathBuf {
        self.dir.path().join(format!("{id}.part{part}"))
    }

    pub(super) fn fail_part_once(&self, part: usize, status: u16) {
        self.lock().failing_parts.push((part, status));
    }

    pub(super) fn drop_download_once_after(&self, bytes: u64) {
        self.lock().drop_download_after = Some(bytes);
    }

    pub(super) fn stall_download_once_after(&self, bytes: u64, pause: std::time::Duration) {
        self.lock().stall_download_after = Some((bytes, pause));
    }

    pub(super) fn trickle_download_once(&self, bytes: usize, pause: std::time::Duration) {
        self.lock().trickle_download = Some((bytes.max(1), pause));
    }

    pub(super) fn expire(&self, id: i64) -> bool {
        self.lock()
            .files
            .get_mut(&id)
            .map(|file| file.expired = true)
            .is_some()
    }

    pub(super) fn stored_path(&self, id: i64) -> Option<PathBuf> {
        let files = self.lock();
        files.files.get(&id)?.size?;
        Some(self.path(id))
    }

    /// Stores a new, complete file called `name` whose bytes `write` writes (the mock
    /// database's exports and cleaned files); returns its id.
    pub(super) fn put_with(
        &self,
        name: &str,
        write: impl FnOnce(&mut File) -> io::Result<()>,
    ) -> io::Result<i64> {
        let id = {
            let mut files = self.lock();
            let id = files.next_id;
            files.next_id += 1;
            id
        };
        let mut file = File::create(self.path(id))?;
        write(&mut file)?;
        file.flush()?;
        let size = file.metadata()?.len();
        let now = SystemTime::now();
        let mut meta = Map::new();
        meta.insert("id".into(), json!(id));
        meta.insert("name".into(), json!(name));
        meta.insert("createdAt".into(), json!(timestamp(now)));
        meta.insert("fileSize".into(), json!(size));
        meta.insert("expiresAt".into(), json!(timestamp(now + DEFAULT_LIFETIME)));
        meta.insert("description".into(), Value::Null);
        let stored = Stored {
            meta,
            parts: 0,
            size: Some(size),
            expired: false,
        };
        self.lock().files.insert(id, stored);
        Ok(id)
    }

    /// The name of stored file `id`, if the mock holds it.
    pub(super) fn name_of(&self, id: i64) -> Option<String> {
        let files = self.lock();
        let name = files.files.get(&id)?.meta.get("name")?;
        Some(name.as_str().unwrap_or_default().to_string())
    }

    /// Sets `key` of what `GET /files/{id}` answers for a stored file.
    pub(super) fn set_meta(&self, id: i64, key: &str, value: Value) {
        if let Some(file) = self.lock().files.get_mut(&id) {
            file.meta.insert(key.into(), value);
        }
    }

    /// The presigned-style URL that downloads file `id` from storage.
    pub(super) fn download_url(&self, id: i64) -> String {
        format!("{}{PREFIX}files/{id}?X-Amz-Signature=mock", self.base_url())
    }

    fn create(&self, request: Map<String, Value>, parts: usize) -> Scripted {
        let now = SystemTime::now();
        let expires_at = match request.get("expires_at") {
            None => Value::String(timestamp(now + DEFAULT_LIFETIME)),
            Some(value) => value.clone(),
        };
        let mut files = self.lock();
        let id = files.next_id;
        files.next_id += 1;
        let mut meta = Map::new();
        meta.insert("id".into(), json!(id));
        meta.insert(
            "name".into(),
            request.get("name").cloned().unwrap_or(Value::Null),
        );
        meta.insert("createdAt".into(), json!(timestamp(now)));
        meta.insert("fileSize".into(), json!(0));
        meta.insert("expiresAt".into(), expires_at);
        meta.insert(
            "description".into(),
            request.get("description").cloned().unwrap_or(Value::Null),
        );
        let mut answer = meta.clone();
        if parts == 0 {
            answer.insert(
                "uploadUrl".into(),
                json!(format!("{}{PREFIX}form/{id}", self.base_url())),
            );
            answer.insert("uploadFields".into(), json!(upload_fields(id)));
            answer.insert("myPermissionLevel".into(), json!("manage"));
        } else {
            let urls: Vec<String> = (1..=parts)
                .map(|part| {
                    format!(
                        "{}{PREFIX}parts/{id}/{part}?X-Amz-Signature=mock",
                        self.base_url()
                    )
                })
                .collect();
            answer.insert("uploadUrls".into(), json!(urls));
        }
        files.files.insert(
            id,
            Stored {
                meta,
                parts,
                size: None,
                expired: false,
            },
        );
        Scripted::json(201, Value::Object(answer).to_string())
    }

    fn complete(&self, id: i64) -> Option<Scripted> {
        let parts = {
            let files = self.lock();
            let file = files.files.get(&id)?;
            if file.parts == 0 {
                return Some(error(400, "this file is not a multipart upload"));
            }
            file.parts
        };
        let joined = (|| -> io::Result<u64> {
            let mut out = File::create(self.path(id))?;
            for part in 1..=parts {
                let path = self.part_path(id, part);
                io::copy(&mut File::open(&path)?, &mut out)?;
                fs::remove_file(path)?;
            }
            out.flush()?;
            out.metadata().map(|m| m.len())
        })();
        Some(match joined {
            Ok(size) => {
                self.stored(id, size);
                Scripted::status(204)
            }
            Err(e) => error(400, &format!("the parts cannot be joined: {e}")),
        })
    }

    fn stored(&self, id: i64, size: u64) {
        if let Some(file) = self.lock().files.get_mut(&id) {
            file.size = Some(size);
            file.meta.insert("fileSize".into(), json!(size));
        }
    }

    fn describe(&self, id: i64) -> Option<Scripted> {
        let files = self.lock();
        let file = files.files.get(&id)?;
        let mut answer = file.meta.clone();
        let url = (file.size.is_some() && !file.expired).then(|| self.download_url(id));
        answer.insert("fileUrl".into(), json!(url));
        answer.insert("downloadUrl".into(), json!(url));
        answer.insert("myPermissionLevel".into(), json!("manage"));
        Some(Scripted::json(200, Value::Object(answer).to_string()))
    }

    /// Answers a request to storage, by [`ROUTES`]; recorded in `received` without its body.
    fn serve(&self, head: &Head, body: &mut dyn Read, received: &Mutex<State>) -> Reply {
        let request = ReceivedRequest {
            method: head.method.clone(),
            url: head.target.clone(),
            headers: head.headers.clone(),
            body: String::new(),
        };
        super::lock(received).record(request.clone());
        if head.header("transfer-encoding").is_some() {
            return reply(error(
                411,
                "MissingContentLength: You must provide the Content-Length HTTP header.",
            ));
        }
        if head.header("authorization").is_some() {
            return reply(error(400, "InvalidArgument: Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified"));
        }
        let path = head.target.split('?').next().unwrap_or_default();
        routing::find(ROUTES, &head.method, path)
            .and_then(|(handler, params)| handler(self, &params, &request, body))
            .unwrap_or_else(|| reply(error(404, "NoSuchKey: no such storage URL")))
    }

    /// `PUT /storage/parts/{id}/{part}`: part `part` (from 1) of multipart upload `id`, or the
    /// failure a test scripted for it.
    fn receive_part(
        &self,
        params: &Params,
        _: &ReceivedRequest,
        body: &mut dyn Read,
    ) -> Option<Reply> {
        let id = params.number("id")?;
        let Ok(part) = usize::try_from(params.number("part")?) else {
            return Some(reply(error(404, "NoSuchUpload")));
        };
        Some(reply(self.store_part(body, id, part)))
    }

    fn store_part(&self, body: &mut dyn Read, id: i64, part: usize) -> Scripted {
        {
            let mut files = self.lock();
            if !files
                .files
                .get(&id)
                .is_some_and(|f| (1..=f.parts).contains(&part))
            {
                return error(404, "NoSuchUpload");
            }
            if let Some(at) = files.failing_parts.iter().position(|(p, _)| *p == part) {
                let (_, status) = files.failing_parts.remove(at);
                // The server reads the body before this answer, as one that fails late does.
                return error(
                    status,
                    "InternalError: We encountered an internal error. Please try again.",
                );
            }
        }
        let written =
            File::create(self.part_path(id, part)).and_then(|mut file| io::copy(body, &mut file));
        match written {
            Ok(_) => Scripted::status(200).header("ETag", &format!("\"{id}-{part}\"")),
            Err(e) => error(500, &format!("the part could not be stored: {e}")),
        }
    }

    /// `POST /storage/form/{id}`: S3's browser-form upload of file `id`, the fields, then the
    /// file, in `multipart/form-data`.
    fn receive_form(
        &self,
        params: &Params,
        request: &ReceivedRequest,
        body: &mut dyn Read,
    ) -> Option<Reply> {
        Some(reply(self.store_form(body, request, params.number("id")?)))
    }

    /// Stores the file of a form upload: the body is spooled to disk, then the file's bytes are
    /// cut out of it.
    fn store_form(&self, body: &mut dyn Read, request: &ReceivedRequest, id: i64) -> Scripted {
        if self.lock().files.get(&id).is_none_or(|f| f.parts != 0) {
            return error(404, "NoSuchKey");
        }
        let Some(boundary) = request
            .header("content-type")
            .and_then(|t| t.split("boundary=").nth(1))
            .map(|b| b.trim_matches('"').to_string())
        else {
            return error(400, "the body must be multipart/form-data with a boundary");
        };
        let spooled = self.dir.path().join(format!("{id}.form"));
        let cut = File::create(&spooled)
            .and_then(|mut file| io::copy(body, &mut file))
            .and_then(|_| cut_file_out(&spooled, &self.path(id), &boundary, id));
        let _ = fs::remove_file(&spooled);
        match cut {
            Ok(Ok(size)) => {
                self.stored(id, size);
                Scripted::status(204)
            }
            Ok(Err(refusal)) => error(400, &refusal),
            Err(e) => error(500, &format!("the upload could not be stored: {e}")),
        }
    }

    /// `GET /storage/files/{id}`: the file, honouring `Range`.
    fn download(
        &self,
        params: &Params,
        request: &ReceivedRequest,
        _: &mut dyn Read,
    ) -> Option<Reply> {
        let id = params.number("id")?;
        Some(self.send(
            id,
            request.header("range"),
            request.header("if-range"),
            true,
        ))
    }

    /// `HEAD /storage/files/{id}`: the download's answer without its body; a fault a test
    /// scripted for the next download is left for it.
    fn head(&self, params: &Params, request: &ReceivedRequest, _: &mut dyn Read) -> Option<Reply> {
        let id = params.number("id")?;
        Some(self.send(
            id,
            request.header("range"),
            request.header("if-range"),
            false,
        ))
    }

    /// Sends file `id`, honouring `Range` (see [`parse_range`]; with `If-Range`: only when it names the
    /// object's `ETag`, else the whole object), cut off when a test asked for it (`faults`: a
    /// download, which takes the faults a test scripted). The ETag is the object's id and size.
    fn send(&self, id: i64, range: Option<&str>, if_range: Option<&str>, faults: bool) -> Reply {
        let (size, cut_after, stall, trickle) = {
            let mut files = self.lock();
            match files.files.get(&id) {
                Some(Stored {
                    size: Some(size),
                    expired: false,
                    ..
                }) => {
                    let size = *size;
                    if !faults {
                        (size, None, None, None)
                    } else {
                        (
                            size,
                            files.drop_download_after.take(),
                            files.stall_download_after.take(),
                            files.trickle_download.take(),
                        )
                    }
                }
                _ => return reply(error(403, "AccessDenied: Request has expired")),
            }
        };
        let etag = format!("\"{id}-{size}\"");
        // A range for another version of the object is ignored: the whole object is sent.
        let range = range.filter(|_| if_range.is_none_or(|tag| tag.trim() == etag));
        let (start, last) = match range.map(|range| parse_range(range, size)) {
            None => (0, size.saturating_sub(1)),
            Some(Some(bounds)) => bounds,
            Some(None) => {
                return reply(
                    error(416, "InvalidRange: The requested range is not satisfiable")
                        .header("Content-Range", &format!("bytes */{size}")),
                )
            }
        };
        let body_len = if size == 0 { 0 } else { last + 1 - start };
        let file = File::open(self.path(id)).and_then(|mut file| {
            file.seek(SeekFrom::Start(start))?;
            Ok(file.take(body_len))
        });
        let Ok(file) = file else {
            return reply(error(500, "the stored file cannot be read"));
        };
        let mut headers = vec![
            (
                "Content-Type".to_string(),
                "binary/octet-stream".to_string(),
            ),
            ("ETag".to_string(), etag),
        ];
        if range.is_some() {
            headers.push((
                "Content-Range".to_string(),
                format!("bytes {start}-{last}/{size}"),
            ));
        }
        let body: Box<dyn Read + Send> = match (stall, trickle) {
            (Some((after, pause)), _) => Box::new(Stalling {
                inner: file,
                before_pause: after,
                pause: Some(pause),
            }),
            (None, Some((bytes, pause))) => Box::new(Trickling {
                inner: file,
                bytes,
                pause,
            }),
            (None, None) => Box::new(file),
        };
        Reply::Answer {
            status: if range.is_some() { 206 } else { 200 },
            headers,
            body,
            body_len,
            cut_after,
        }
    }
}

/// A body that gives `bytes` at a time, with a pause before each piece: a trickle.
struct Trickling<R> {
    inner: R,
    bytes: usize,
    pause: std::time::Duration,
}

impl<R: Read> Read for Trickling<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        std::thread::sleep(self.pause);
        let most = buf.len().min(self.bytes);
        self.inner.read(&mut buf[..most])
    }
}

/// A body that pauses once, after `before_pause` bytes: a transfer that stalls mid-way.
struct Stalling<R> {
    inner: R,
    before_pause: u64,
    pause: Option<std::time::Duration>,
}

impl<R: Read> Read for Stalling<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.before_pause == 0 {
            if let Some(pause) = self.pause.take() {
                std::thread::sleep(pause);
            }
            return self.inner.read(buf);
        }
        let most = buf
            .len()
            .min(usize::try_from(self.before_pause).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..most])?;
        self.before_pause -= n as u64;
        Ok(n)
    }
}

fn reply(answer: Scripted) -> Reply {
    Reply::bytes(answer.status, answer.headers, answer.body.into_bytes())
}

/// The fields of a form upload: S3's key and policy fields, which the client must send back.
fn upload_fields(id: i64) -> Map<String, Value> {
    let mut fields = Map::new();
    fields.insert("key".into(), json!(format!("files/{id}")));
    fields.insert("policy".into(), json!("bW9jaw=="));
    fields.insert("x-amz-algorithm".into(), json!("AWS4-HMAC-SHA256"));
    fields.insert("x-amz-signature".into(), json!("mock"));
    fields
}

/// The first and last byte of `bytes=START-`, `bytes=START-END` (the end cut to the object's)
/// or `bytes=-N` (the last N) in an object of `size` bytes, as S3 reads them; `None` when the
/// range is not one or cannot be satisfied.
fn parse_range(range: &str, size: u64) -> Option<(u64, u64)> {
    let (first, last) = range.trim().strip_prefix("bytes=")?.split_once('-')?;
    let (first, last) = (first.trim(), last.trim());
    if first.is_empty() {
        // `bytes=-N`: the last N bytes.
        let suffix: u64 = last.parse().ok()?;
        return (suffix > 0 && size > 0).then(|| (size.saturating_sub(suffix), size - 1));
    }
    let first: u64 = first.parse().ok()?;
    let last = match last {
        "" => size.checked_sub(1)?,
        last => last.parse::<u64>().ok()?.min(size.checked_sub(1)?),
    };
    (first <= last).then_some((first, last))
}

/// Copies the file part of the form in `spooled` to `dest`: `Ok(Err(why))` when the form is not
/// one S3 would accept (the key field missing or wrong, no file, the file not last).
fn cut_file_out(
    spooled: &Path,
    dest: &Path,
    boundary: &str,
    id: i64,
) -> io::Result<Result<u64, String>> {
    let mut form = File::open(spooled)?;
    let total = form.metadata()?.len();
    let mut head = Vec::new();
    (&mut form).take(64 * 1024).read_to_end(&mut head)?;
    let delimiter = format!("--{boundary}\r\n");
    let Some(file_header) = find(&head, b"name=\"file\"") else {
        return Ok(Err("the form has no file field".into()));
    };
    let fields = String::from_utf8_lossy(&head[..file_header]);
    let key = fields.split(&delimiter).find_map(|part| {
        let (headers, value) = part.split_once("\r\n\r\n")?;
        headers
            .contains("name=\"key\"")
            .then(|| value.trim_end_matches("\r\n").to_string())
    });
    if key.as_deref() != Some(format!("files/{id}").as_str()) {
        return Ok(Err(format!(
            "the key field is {key:?}, not the one the upload URL was made for"
        )));
    }
    let Some(start) = find(&head[file_header..], b"\r\n\r\n").map(|at| file_header + at + 4) else {
        return Ok(Err("the file field has no body".into()));
    };
    let closing = format!("\r\n--{boundary}--\r\n");
    let tail_length = (closing.len() as u64).min(total);
    form.seek(SeekFrom::Start(total - tail_length))?;
    let mut tail = Vec::new();
    form.read_to_end(&mut tail)?;
    if tail != closing.as_bytes() || total < start as u64 + tail_length {
        return Ok(Err("the file must be the last field of the form".into()));
    }
    let size = total - tail_length - start as u64;
    form.seek(SeekFrom::Start(start as u64))?;
    let mut out = File::create(dest)?;
    io::copy(&mut form.take(size), &mut out)?;
    Ok(Ok(size))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn error(status: u16, message: &str) -> Scripted {
    let body = json!({"error": "storage", "errorDescription": message, "code": status});
    Scripted::json(status, body.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_urls_storage_gives_are_its_routes() {
        assert_eq!(routing::check_table(ROUTES), Ok(()));
        let store = Store {
            dir: tempfile::tempdir().unwrap(),
            address: ([127, 0, 0, 1], 9).into(),
            state: Mutex::new(Files {
                next_id: FIRST_ID,
                ..Files::default()
            }),
        };
        let routed = |verb: &str, url: &str| {
            let path = url.trim_start_matches(&store.base_url());
            let path = path.split('?').next().unwrap_or_default();
            routing::find(ROUTES, verb, path).map(|(_, params)| params)
        };
        let created = |parts: usize| -> Value {
            serde_json::from_str(&store.create(Map::new(), parts).body).unwrap()
        };
        let form = created(0);
        let form_url = form["uploadUrl"].as_str().unwrap();
        let params = routed("POST", form_url).unwrap();
        assert_eq!(params.number("id"), form["id"].as_i64());
        let multipart = created(2);
        let part_url = multipart["uploadUrls"][1].as_str().unwrap();
        let params = routed("PUT", part_url).unwrap();
        assert_eq!(params.number("id"), multipart["id"].as_i64());
        assert_eq!(params.number("part"), Some(2));
        let params = routed("GET", &store.download_url(7)).unwrap();
        assert_eq!(params.number("id"), Some(7));
        assert!(routed("PUT", &store.download_url(7)).is_none());
    }

    #[test]
    fn ranges_give_their_first_and_last_byte_as_s3_reads_them() {
        assert_eq!(parse_range("bytes=100-", 1_000), Some((100, 999)));
        assert_eq!(parse_range("bytes=5-9", 1_000), Some((5, 9)));
        assert_eq!(parse_range("bytes=990-2000", 1_000), Some((990, 999)));
        assert_eq!(parse_range("bytes=-10", 1_000), Some((990, 999)));
        assert_eq!(parse_range("bytes=-5000", 1_000), Some((0, 999)));
        assert_eq!(parse_range("bytes=1000-", 1_000), None);
        assert_eq!(parse_range("bytes=9-5", 1_000), None);
        assert_eq!(parse_range("bytes=0-", 0), None);
        assert_eq!(parse_range("items=5-", 1_000), None);
    }
}
