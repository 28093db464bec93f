//! The mock's file storage: `POST /files/` and `POST /files/multipart` answer with upload URLs
//! on it, `POST /files/multipart/{id}/complete` joins the parts, and `GET /files/{id}` answers
//! with a download URL on it that honours `Range`.
//!
//! Storage is a server of its own on another port of 127.0.0.1, as S3 is another host than the
//! API: a minimal HTTP/1.1 server, because a test must be able to cut a download off mid-body
//! and close the connection, which tiny_http cannot do. Stored bytes go to a temporary
//! directory, removed with the mock, so a test of a gigabyte file needs a gigabyte of disk, not
//! of memory. Storage answers as S3 does where it matters to a client: a body without
//! `Content-Length` is refused (411), and so is a request that carries an `Authorization`
//! header besides the presigned URL (400). Its requests are recorded with the API's, without
//! their bodies.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Map, Value};

use super::{Incoming, ReceivedRequest, Scripted, State};

/// The path under which storage serves files.
const PREFIX: &str = "/storage/";

/// The first id the mock gives a file: far from the ids of the spec's recordings, which the
/// mock still answers for files it does not hold.
const FIRST_ID: i64 = 100_001;

/// Files default to expiring 30 days after upload, as the API's do.
const DEFAULT_LIFETIME_SECS: u64 = 30 * 24 * 3600;

#[derive(Debug)]
pub(super) struct Storage {
    dir: tempfile::TempDir,
    address: SocketAddr,
    state: Mutex<Files>,
    stopping: AtomicBool,
}

#[derive(Debug, Default)]
struct Files {
    next_id: i64,
    files: HashMap<i64, Stored>,
    /// Parts (from 1) whose next PUT fails with the status.
    failing_parts: Vec<(usize, u16)>,
    /// The next download stops after this many bytes of its body.
    drop_download_after: Option<u64>,
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

impl Storage {
    /// Starts storage on a free port; its requests are recorded in `received`.
    pub(super) fn start(received: Arc<Mutex<State>>) -> io::Result<Arc<Self>> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let storage = Arc::new(Self {
            dir: tempfile::Builder::new().prefix("civis-mock-").tempdir()?,
            address: listener.local_addr()?,
            state: Mutex::new(Files {
                next_id: FIRST_ID,
                ..Files::default()
            }),
            stopping: AtomicBool::new(false),
        });
        let server = storage.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if server.stopping.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (server, received) = (server.clone(), received.clone());
                thread::spawn(move || server.connection(stream, &received));
            }
        });
        Ok(storage)
    }

    /// Stops accepting connections (those open end when their clients close them) and removes
    /// the stored files now, not when the last connection ends.
    pub(super) fn stop(&self) {
        let _ = fs::remove_dir_all(self.dir.path());
        self.stopping.store(true, Ordering::Relaxed);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.address);
    }

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

    /// The answer to an API request about files, when it is one this store handles: creating
    /// files, completing multipart uploads, and `GET /files/{id}` of a file it holds.
    pub(super) fn api(&self, incoming: &Incoming) -> Option<Scripted> {
        let segments: Vec<&str> = incoming
            .path
            .trim_matches('/')
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        let body = || match &incoming.body {
            Some(Value::Object(body)) => body.clone(),
            _ => Map::new(),
        };
        match (incoming.method.as_str(), segments.as_slice()) {
            ("POST", ["files"]) => Some(self.create(body(), 0)),
            ("POST", ["files", "multipart"]) => {
                let parts = body()
                    .get("num_parts")
                    .and_then(Value::as_u64)
                    .filter(|n| *n > 0);
                Some(match parts {
                    Some(parts) => self.create(body(), parts as usize),
                    None => error(400, "num_parts must be a positive integer"),
                })
            }
            ("POST", ["files", "multipart", id, "complete"]) => self.complete(id.parse().ok()?),
            ("GET", ["files", id]) => self.describe(id.parse().ok()?),
            _ => None,
        }
    }

    fn create(&self, request: Map<String, Value>, parts: usize) -> Scripted {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let expires_at = match request.get("expires_at") {
            None => Value::String(rfc3339(now + DEFAULT_LIFETIME_SECS)),
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
        meta.insert("createdAt".into(), json!(rfc3339(now)));
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
        let url = (file.size.is_some() && !file.expired)
            .then(|| format!("{}{PREFIX}files/{id}?X-Amz-Signature=mock", self.base_url()));
        answer.insert("fileUrl".into(), json!(url));
        answer.insert("downloadUrl".into(), json!(url));
        answer.insert("myPermissionLevel".into(), json!("manage"));
        Some(Scripted::json(200, Value::Object(answer).to_string()))
    }

    /// Serves one connection to storage: requests one after the other (keep-alive) until the
    /// client closes it, or a scripted drop does.
    fn connection(&self, stream: TcpStream, state: &Mutex<State>) -> io::Result<()> {
        let _ = stream.set_nodelay(true);
        let mut reader = BufReader::with_capacity(256 * 1024, stream.try_clone()?);
        let mut writer = stream;
        while let Some(request) = read_head(&mut reader)? {
            super::lock(state).received.push(request.clone());
            let length = request
                .header("content-length")
                .and_then(|l| l.trim().parse::<u64>().ok());
            let Some(length) =
                length.or_else(|| (request.header("transfer-encoding").is_none()).then_some(0))
            else {
                // A chunked body: refused as S3 refuses it, and the connection closed, since its
                // end is not known.
                let reply = error(
                    411,
                    "MissingContentLength: You must provide the Content-Length HTTP header.",
                );
                return write_reply(&mut writer, reply);
            };
            let mut body = (&mut reader).take(length);
            let path = request.url.split('?').next().unwrap_or_default();
            let route: Vec<&str> = path.trim_start_matches(PREFIX).split('/').collect();
            let reply = if request.header("authorization").is_some() {
                error(400, "InvalidArgument: Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified")
            } else {
                match (request.method.as_str(), route.as_slice()) {
                    ("GET", ["files", id]) => match id.parse() {
                        Ok(id) => {
                            if self.download(&mut writer, id, request.header("range"))? {
                                continue;
                            }
                            // A scripted drop: the connection closes mid-answer.
                            return writer.shutdown(Shutdown::Both);
                        }
                        Err(_) => error(404, "NoSuchKey"),
                    },
                    ("POST", ["form", id]) => self.receive_form(&mut body, &request, id),
                    ("PUT", ["parts", id, part]) => self.receive_part(&mut body, id, part),
                    _ => error(404, "NoSuchKey: no such storage URL"),
                }
            };
            // Whatever of the body was not read is read now, so the next request starts
            // where it should.
            io::copy(&mut body, &mut io::sink())?;
            write_reply(&mut writer, reply)?;
        }
        Ok(())
    }

    fn receive_part(&self, body: &mut dyn Read, id: &str, part: &str) -> Scripted {
        let (Ok(id), Ok(part)) = (id.parse::<i64>(), part.parse::<usize>()) else {
            return error(404, "NoSuchUpload");
        };
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
                // The body is read before the failure, as a server that fails late does.
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

    /// S3's browser-form upload: the fields, then the file, in `multipart/form-data`. The body is
    /// spooled to disk, then the file's bytes are cut out of it.
    fn receive_form(&self, body: &mut dyn Read, request: &ReceivedRequest, id: &str) -> Scripted {
        let Ok(id) = id.parse::<i64>() else {
            return error(404, "NoSuchKey");
        };
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

    /// Answers a download, honouring `Range: bytes=START-`; `false` when a scripted drop cut
    /// it off.
    fn download(&self, writer: &mut TcpStream, id: i64, range: Option<&str>) -> io::Result<bool> {
        let (size, drop_after) = {
            let mut files = self.lock();
            match files.files.get(&id) {
                Some(Stored {
                    size: Some(size),
                    expired: false,
                    ..
                }) => {
                    let size = *size;
                    (size, files.drop_download_after.take())
                }
                _ => {
                    drop(files);
                    write_reply(writer, error(403, "AccessDenied: Request has expired"))?;
                    return Ok(true);
                }
            }
        };
        let start = match range.map(parse_range) {
            None => 0,
            Some(Some(start)) if start < size => start,
            Some(_) => {
                let reply = error(416, "InvalidRange: The requested range is not satisfiable")
                    .header("Content-Range", &format!("bytes */{size}"));
                write_reply(writer, reply)?;
                return Ok(true);
            }
        };
        let mut file = File::open(self.path(id))?;
        file.seek(SeekFrom::Start(start))?;
        let length = size - start;
        let mut head = if range.is_some() {
            format!(
                "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {start}-{}/{size}\r\n",
                size - 1
            )
        } else {
            "HTTP/1.1 200 OK\r\n".to_string()
        };
        head.push_str(&format!(
            "Content-Type: binary/octet-stream\r\nContent-Length: {length}\r\n\r\n"
        ));
        writer.write_all(head.as_bytes())?;
        let sent = length.min(drop_after.unwrap_or(u64::MAX));
        io::copy(&mut file.take(sent), writer)?;
        writer.flush()?;
        Ok(sent == length)
    }
}

/// Reads a request line and headers; `None` when the client closed the connection.
fn read_head(reader: &mut BufReader<TcpStream>) -> io::Result<Option<ReceivedRequest>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut words = line.split_whitespace();
    let (method, url) = (
        words.next().unwrap_or_default(),
        words.next().unwrap_or_default(),
    );
    let mut request = ReceivedRequest {
        method: method.to_uppercase(),
        url: url.to_string(),
        headers: Vec::new(),
        body: String::new(),
    };
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end();
        if line.is_empty() {
            return Ok(Some(request));
        }
        if let Some((name, value)) = line.split_once(':') {
            request
                .headers
                .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
}

fn write_reply(writer: &mut TcpStream, reply: Scripted) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} Mock\r\nContent-Length: {}\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    head.push_str(&reply.body);
    writer.write_all(head.as_bytes())?;
    writer.flush()
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

/// The start of `bytes=START-` or `bytes=START-END` (the end is ignored: the answer runs to the
/// end of the file, as a resuming client asks).
fn parse_range(range: &str) -> Option<u64> {
    range
        .trim()
        .strip_prefix("bytes=")?
        .split('-')
        .next()?
        .trim()
        .parse()
        .ok()
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

/// `secs` since the epoch as RFC 3339 in UTC, as the API writes dates.
fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339(1_767_225_599), "2025-12-31T23:59:59.000Z");
    }

    #[test]
    fn ranges_give_their_start() {
        assert_eq!(parse_range("bytes=100-"), Some(100));
        assert_eq!(parse_range("bytes=5-9"), Some(5));
        assert_eq!(parse_range("items=5-"), None);
    }
}
