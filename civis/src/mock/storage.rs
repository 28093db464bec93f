//! The mock's file storage: `POST /files/` and `POST /files/multipart` answer with upload URLs
//! on the mock itself, `POST /files/multipart/{id}/complete` joins the parts, and
//! `GET /files/{id}` answers with a download URL on the mock that honours `Range`.
//!
//! Stored bytes go to a temporary directory, removed with the mock, so a test of a gigabyte
//! file needs a gigabyte of disk, not of memory. Storage URLs answer as S3 does where it
//! matters to a client: a body without `Content-Length` is refused (411), and so is a request
//! that carries an `Authorization` header besides the presigned URL (400).

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Map, Value};

use super::{Incoming, ReceivedRequest, Scripted, State};

/// Where storage URLs live on the mock.
const PREFIX: &str = "/storage/";

/// The first id the mock gives a file: far from the ids of the spec's recordings, which the
/// mock still answers for files it does not hold.
const FIRST_ID: i64 = 100_001;

/// Files default to expiring 30 days after upload, as the API's do.
const DEFAULT_LIFETIME_SECS: u64 = 30 * 24 * 3600;

#[derive(Debug)]
pub(super) struct Storage {
    dir: tempfile::TempDir,
    base_url: String,
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
    pub(super) fn new(base_url: &str) -> io::Result<Self> {
        Ok(Self {
            dir: tempfile::Builder::new().prefix("civis-mock-").tempdir()?,
            base_url: base_url.trim_end_matches('/').to_string(),
            state: Mutex::new(Files {
                next_id: FIRST_ID,
                ..Files::default()
            }),
        })
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
                json!(format!("{}{PREFIX}form/{id}", self.base_url)),
            );
            answer.insert("uploadFields".into(), json!(upload_fields(id)));
            answer.insert("myPermissionLevel".into(), json!("manage"));
        } else {
            let urls: Vec<String> = (1..=parts)
                .map(|part| {
                    format!(
                        "{}{PREFIX}parts/{id}/{part}?X-Amz-Signature=mock",
                        self.base_url
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
            .then(|| format!("{}{PREFIX}files/{id}?X-Amz-Signature=mock", self.base_url));
        answer.insert("fileUrl".into(), json!(url));
        answer.insert("downloadUrl".into(), json!(url));
        answer.insert("myPermissionLevel".into(), json!("manage"));
        Some(Scripted::json(200, Value::Object(answer).to_string()))
    }

    /// Whether `url` is a storage URL, which [`Storage::serve`] answers.
    pub(super) fn serves(url: &str) -> bool {
        url.starts_with(PREFIX)
    }

    /// Answers a request to a storage URL, streaming its body to disk or its answer from disk;
    /// the request is recorded without its body.
    pub(super) fn serve(&self, mut request: tiny_http::Request, state: &Mutex<State>) {
        let received = ReceivedRequest {
            method: request.method().as_str().to_uppercase(),
            url: request.url().to_string(),
            headers: request
                .headers()
                .iter()
                .map(|h| {
                    (
                        h.field.as_str().as_str().to_ascii_lowercase(),
                        h.value.as_str().to_string(),
                    )
                })
                .collect(),
            body: String::new(),
        };
        super::lock(state).received.push(received.clone());
        let path = received.url.split('?').next().unwrap_or_default();
        let route: Vec<&str> = path[PREFIX.len()..].split('/').collect();
        let reply = if received.header("authorization").is_some() {
            error(
                400,
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
            )
        } else {
            match (received.method.as_str(), route.as_slice()) {
                ("GET", ["files", id]) => match id.parse() {
                    Ok(id) => return self.download(request, id, received.header("range")),
                    Err(_) => error(404, "no such file"),
                },
                ("POST", ["form", id]) => self.receive_form(&mut request, &received, id),
                ("PUT", ["parts", id, part]) => self.receive_part(&mut request, id, part),
                _ => error(404, "no such storage URL"),
            }
        };
        let _ = request.respond(response(reply));
    }

    /// Whether the body has a length, as S3 requires; chunked bodies are refused.
    fn length_required(request: &tiny_http::Request) -> Option<Scripted> {
        request.body_length().is_none().then(|| {
            error(
                411,
                "MissingContentLength: You must provide the Content-Length HTTP header.",
            )
        })
    }

    fn receive_part(&self, request: &mut tiny_http::Request, id: &str, part: &str) -> Scripted {
        let (Ok(id), Ok(part)) = (id.parse::<i64>(), part.parse::<usize>()) else {
            return error(404, "no such upload URL");
        };
        if let Some(refusal) = Self::length_required(request) {
            return refusal;
        }
        {
            let mut files = self.lock();
            if !files
                .files
                .get(&id)
                .is_some_and(|f| (1..=f.parts).contains(&part))
            {
                return error(404, "no such upload URL");
            }
            if let Some(at) = files.failing_parts.iter().position(|(p, _)| *p == part) {
                let (_, status) = files.failing_parts.remove(at);
                drop(files);
                // Read the body as a server that fails late does, so that the client's
                // attempt is complete and its retry is what the test sees.
                let _ = io::copy(request.as_reader(), &mut io::sink());
                return error(
                    status,
                    "InternalError: We encountered an internal error. Please try again.",
                );
            }
        }
        let written = File::create(self.part_path(id, part))
            .and_then(|mut file| io::copy(request.as_reader(), &mut file));
        match written {
            Ok(_) => Scripted::status(200).header("ETag", &format!("\"{id}-{part}\"")),
            Err(e) => error(500, &format!("the part could not be stored: {e}")),
        }
    }

    /// S3's browser-form upload: the fields, then the file, in `multipart/form-data`. The body is
    /// spooled to disk, then the file's bytes are cut out of it.
    fn receive_form(
        &self,
        request: &mut tiny_http::Request,
        received: &ReceivedRequest,
        id: &str,
    ) -> Scripted {
        let Ok(id) = id.parse::<i64>() else {
            return error(404, "no such upload URL");
        };
        if self.lock().files.get(&id).is_none_or(|f| f.parts != 0) {
            return error(404, "no such upload URL");
        }
        if let Some(refusal) = Self::length_required(request) {
            return refusal;
        }
        let Some(boundary) = received
            .header("content-type")
            .and_then(|t| t.split("boundary=").nth(1))
            .map(|b| b.trim_matches('"').to_string())
        else {
            return error(400, "the body must be multipart/form-data with a boundary");
        };
        let spooled = self.dir.path().join(format!("{id}.form"));
        let cut = File::create(&spooled)
            .and_then(|mut file| io::copy(request.as_reader(), &mut file))
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

    fn download(&self, request: tiny_http::Request, id: i64, range: Option<&str>) {
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
                    let _ =
                        request.respond(response(error(403, "AccessDenied: Request has expired")));
                    return;
                }
            }
        };
        let start = match range.map(parse_range) {
            None => 0,
            Some(Some(start)) if start < size || (start == 0 && size == 0) => start,
            Some(_) => {
                let reply = error(416, "InvalidRange: The requested range is not satisfiable")
                    .header("Content-Range", &format!("bytes */{size}"));
                let _ = request.respond(response(reply));
                return;
            }
        };
        let file = File::open(self.path(id)).and_then(|mut file| {
            file.seek(SeekFrom::Start(start))?;
            Ok(file)
        });
        let Ok(file) = file else {
            let _ = request.respond(response(error(500, "the stored file cannot be read")));
            return;
        };
        let length = size - start;
        let (status, mut headers) = if range.is_some() {
            let last = (size.max(1) - 1).max(start);
            (
                206,
                vec![format!("Content-Range: bytes {start}-{last}/{size}")],
            )
        } else {
            (200, Vec::new())
        };
        headers.push("Content-Type: binary/octet-stream".to_string());
        if let Some(cut_after) = drop_after {
            // Write the answer by hand, promising `length` bytes, and close the connection
            // after `cut_after` of them.
            let mut writer = request.into_writer();
            let mut head = format!("HTTP/1.1 {status} Mock\r\nContent-Length: {length}\r\n");
            for header in &headers {
                head.push_str(header);
                head.push_str("\r\n");
            }
            head.push_str("\r\n");
            let _ = writer
                .write_all(head.as_bytes())
                .and_then(|()| io::copy(&mut file.take(cut_after.min(length)), &mut writer))
                .and_then(|_| writer.flush());
            return;
        }
        let mut reply = tiny_http::Response::new(
            tiny_http::StatusCode(status),
            Vec::new(),
            file,
            usize::try_from(length).ok(),
            None,
        );
        for header in headers {
            if let Ok(header) = header.parse::<tiny_http::Header>() {
                reply.add_header(header);
            }
        }
        let _ = request.respond(reply);
    }
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

fn response(reply: Scripted) -> tiny_http::Response<io::Cursor<Vec<u8>>> {
    let mut response = tiny_http::Response::from_string(reply.body).with_status_code(reply.status);
    for (name, value) in &reply.headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    response
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
