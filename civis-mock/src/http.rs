//! The mock's HTTP/1.1 server: a thread per connection, keep-alive, request bodies streamed to
//! the handler, and answers that can end the connection on purpose (before any byte, or after
//! part of the body) the way a failing server or network does. A general-purpose server cannot
//! do the last: its connections outlive a handler that gives up, so the client would see a read
//! timeout instead of a closed connection.
//!
//! As a long-running server (`civis mock serve`) it holds up as one: a connection whose thread
//! cannot be started is answered 503 and the listener keeps serving; a request with both
//! `Content-Length` and `Transfer-Encoding` (request smuggling) or a malformed head is answered
//! 400; a head not complete within [`HEAD_TIMEOUT`] of its first byte is answered 408.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// A request's head, names of headers lower-cased.
#[derive(Debug, Clone)]
pub(crate) struct Head {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl Head {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the handler answers.
pub(crate) enum Reply {
    /// An answer; `body_len` bytes of `body` follow the head (fewer when `cut_after` is set:
    /// then the connection closes after that many, with the full length announced).
    Answer {
        status: u16,
        headers: Vec<(String, String)>,
        body: Box<dyn Read + Send>,
        body_len: u64,
        cut_after: Option<u64>,
    },
    /// Close the connection without answering.
    Close,
}

impl Reply {
    /// An answer with a body held in memory.
    pub fn bytes(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        Self::Answer {
            status,
            headers,
            body_len: body.len() as u64,
            body: Box::new(io::Cursor::new(body)),
            cut_after: None,
        }
    }
}

/// The handler: the request's head and a reader of its body, to the answer. An answer with a
/// `Connection: close` header ends the connection after it, leaving the rest of the body unread
/// (a 413).
pub(crate) type Handler = dyn Fn(&Head, &mut dyn Read) -> Reply + Send + Sync;

/// Starts a connection's thread: [`spawn_thread`], or in tests one that fails.
type Spawn = fn(Box<dyn FnOnce() + Send>) -> io::Result<()>;

/// A thread of its own for `work`; an error (a container's pids limit) is returned, not a panic.
fn spawn_thread(work: Box<dyn FnOnce() + Send>) -> io::Result<()> {
    thread::Builder::new()
        .name("civis-mock-connection".into())
        .spawn(work)
        .map(drop)
}

/// A running server; it stops accepting when dropped, and its connections close at their next
/// idle moment.
pub(crate) struct HttpServer {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

/// How often an idle connection looks whether the server has stopped.
const IDLE_CHECK: Duration = Duration::from_millis(200);
/// The longest request head accepted.
const MAX_HEAD: usize = 64 * 1024;

/// The longest chunk-size line of a chunked body read (the size, extensions, CRLF).
const MAX_CHUNK_LINE: u64 = 1024;

/// How long a request's head may take from its first byte to its empty line: a client that
/// sends half a head and stalls is answered 408 and its connection closed, rather than holding
/// a thread for the server's lifetime.
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long, and how many bytes, a connection closed after an early answer (a 413, a 400) is
/// still read and thrown away, so the client reads the answer rather than a reset.
const LINGER: Duration = Duration::from_secs(2);
const LINGER_BYTES: u64 = 16 * 1024 * 1024;

impl HttpServer {
    /// Starts serving `listener` with `handler`.
    pub fn start(listener: TcpListener, handler: Arc<Handler>) -> io::Result<Self> {
        Self::start_with(listener, handler, HEAD_TIMEOUT, spawn_thread)
    }

    /// [`start`](Self::start) with the head timeout and the way connections' threads start.
    fn start_with(
        listener: TcpListener,
        handler: Arc<Handler>,
        head_timeout: Duration,
        spawn: Spawn,
    ) -> io::Result<Self> {
        let address = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = thread::Builder::new()
            .name("civis-mock-accept".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if stopped.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let Ok(spare) = stream.try_clone() else {
                        continue;
                    };
                    let (handler, stopped) = (handler.clone(), stopped.clone());
                    let work = Box::new(move || {
                        let _ = serve_connection(stream, &*handler, &stopped, head_timeout);
                    });
                    if let Err(error) = spawn(work) {
                        // No thread for this connection (a pids limit): it is answered 503 and
                        // closed, and the listener goes on with the next one.
                        refuse_unserved(&spare, &error);
                    }
                }
            })?;
        Ok(Self {
            address,
            stop,
            thread: Some(thread),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop, which is blocked until a connection arrives.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers 503 on a connection no thread could be started for, and closes it; the accept
/// loop's thread does it, so it waits at most a second on the client.
fn refuse_unserved(stream: &TcpStream, error: &io::Error) {
    let body = format!("The mock Civis API could not start a thread for this connection: {error}");
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = (&*stream).write_all(
        format!(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    let _ = close(stream);
    // Room for whatever ran out to come back before the next connection.
    thread::sleep(Duration::from_millis(10));
}

fn serve_connection(
    stream: TcpStream,
    handler: &Handler,
    stop: &AtomicBool,
    head_timeout: Duration,
) -> io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE_CHECK))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::with_capacity(
        64 * 1024,
        Patient {
            stream,
            stop,
            deadline: None,
        },
    );
    loop {
        // Wait for the next request, or the client's close.
        if reader.fill_buf()?.is_empty() {
            return Ok(());
        }
        // From its first byte, the head has `head_timeout` to arrive whole.
        reader.get_mut().deadline = Some(Instant::now() + head_timeout);
        let head = read_head(&mut reader);
        reader.get_mut().deadline = None;
        let head = match head {
            Ok(head) => head,
            Err(error) => {
                let (status, text) = match error.kind() {
                    io::ErrorKind::TimedOut => (
                        408,
                        "The request's head did not arrive whole in time".to_string(),
                    ),
                    _ => (400, format!("A malformed request: {error}")),
                };
                return refuse(&mut writer, &mut reader, status, &text);
            }
        };
        if let Some(why) = ambiguous_length(&head) {
            return refuse(&mut writer, &mut reader, 400, why);
        }
        let close_after = head
            .header("connection")
            .is_some_and(|c| c.eq_ignore_ascii_case("close"));
        if head
            .header("expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
        {
            writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        }
        let mut body = request_body(&head, &mut reader)?;
        let reply = handler(&head, &mut body);
        let close_early = matches!(&reply, Reply::Answer { headers, .. } if says_close(headers));
        if !close_early {
            // Whatever the handler left unread, so the next request starts where it should.
            io::copy(&mut body, &mut io::sink())?;
        }
        drop(body);
        if close_early {
            if let Reply::Answer {
                status,
                headers,
                mut body,
                ..
            } = reply
            {
                let mut text = Vec::new();
                body.read_to_end(&mut text)?;
                write_head(&mut writer, status, &headers, text.len() as u64, false)?;
                writer.write_all(&text)?;
                writer.flush()?;
            }
            return linger_close(&writer, &mut reader);
        }
        match reply {
            Reply::Close => return close(&writer),
            Reply::Answer {
                status,
                headers,
                mut body,
                body_len,
                cut_after,
            } => {
                write_head(&mut writer, status, &headers, body_len, close_after)?;
                if head.method != "HEAD" {
                    let send = cut_after.map_or(body_len, |cut| cut.min(body_len));
                    let sent = send_flushed(&mut (&mut body).take(send), &mut writer)?;
                    if cut_after.is_some() || sent < body_len {
                        writer.flush()?;
                        return close(&writer);
                    }
                }
                writer.flush()?;
                if close_after {
                    return close(&writer);
                }
            }
        }
    }
}

/// Writes an answer's status line and headers (`Content-Length: body_len` unless given).
fn write_head(
    writer: &mut impl Write,
    status: u16,
    headers: &[(String, String)],
    body_len: u64,
    close_after: bool,
) -> io::Result<()> {
    let mut head_text = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        head_text.push_str(&format!("{name}: {value}\r\n"));
    }
    if !headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-length"))
    {
        head_text.push_str(&format!("Content-Length: {body_len}\r\n"));
    }
    if close_after && !says_close(headers) {
        head_text.push_str("Connection: close\r\n");
    }
    head_text.push_str("\r\n");
    writer.write_all(head_text.as_bytes())
}

/// Whether `headers` hold `Connection: close`.
fn says_close(headers: &[(String, String)]) -> bool {
    headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("connection") && v.eq_ignore_ascii_case("close"))
}

/// Why the body's length cannot be told for sure, if it cannot: both `Content-Length` and
/// `Transfer-Encoding` (a front server and this one could each read the body differently:
/// request smuggling), two different `Content-Length`s, or a transfer coding other than
/// chunked.
fn ambiguous_length(head: &Head) -> Option<&'static str> {
    let lengths: Vec<&str> = head
        .headers
        .iter()
        .filter(|(n, _)| n == "content-length")
        .map(|(_, v)| v.trim())
        .collect();
    let encodings = head
        .headers
        .iter()
        .filter(|(n, _)| n == "transfer-encoding")
        .count();
    if encodings > 0 && !lengths.is_empty() {
        return Some("A request with both Content-Length and Transfer-Encoding is refused");
    }
    if lengths.windows(2).any(|pair| pair[0] != pair[1]) {
        return Some("A request with different Content-Length headers is refused");
    }
    let chunked_only = head
        .header("transfer-encoding")
        .is_none_or(|t| t.trim().eq_ignore_ascii_case("chunked"));
    if encodings > 1 || !chunked_only {
        return Some("The only Transfer-Encoding taken is a single `chunked`");
    }
    None
}

/// Answers `status` with `text` and closes the connection (a head that cannot be read, a body
/// whose length is ambiguous).
fn refuse(
    writer: &mut TcpStream,
    reader: &mut BufReader<Patient<'_>>,
    status: u16,
    text: &str,
) -> io::Result<()> {
    write_head(writer, status, &[], text.len() as u64, true)?;
    writer.write_all(text.as_bytes())?;
    writer.flush()?;
    linger_close(writer, reader)
}

/// Ends the connection after an answer sent before the request was read whole: no more is
/// sent, what the client still sends is read and thrown away for a moment (at most
/// [`LINGER`], [`LINGER_BYTES`]) so that closing does not reset the connection before the
/// client has read the answer, then it is closed.
fn linger_close(writer: &TcpStream, reader: &mut BufReader<Patient<'_>>) -> io::Result<()> {
    let _ = writer.shutdown(Shutdown::Write);
    reader.get_mut().deadline = Some(Instant::now() + LINGER);
    let _ = io::copy(&mut reader.by_ref().take(LINGER_BYTES), &mut io::sink());
    close(writer)
}

/// Closes both directions now, so the client reads the end of the stream at once.
fn close(stream: &TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Both)
}

/// A socket whose reads wait out the idle timeout until the server stops, so a keep-alive
/// connection neither ends early nor keeps a thread after the server is gone; with a
/// `deadline`, a read still waiting at it fails with `TimedOut`.
struct Patient<'a> {
    stream: TcpStream,
    stop: &'a AtomicBool,
    deadline: Option<Instant>,
}

impl Read for Patient<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            // Checked before each read too, so a head sent a byte at a time cannot outlast it.
            if self.deadline.is_some_and(|at| Instant::now() >= at) {
                return Err(io::ErrorKind::TimedOut.into());
            }
            match self.stream.read(buf) {
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    if self.stop.load(Ordering::SeqCst) {
                        return Ok(0);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => return other,
            }
        }
    }
}

fn read_head(reader: &mut impl BufRead) -> io::Result<Head> {
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let mut line = String::new();
        // At most what is left of the head's limit (one more byte to tell it is past it), so
        // that a huge line is refused without being held in memory whole.
        let left = (MAX_HEAD - total.min(MAX_HEAD)) as u64 + 1;
        let n = reader.by_ref().take(left).read_line(&mut line)?;
        total += n;
        if n == 0 || total > MAX_HEAD {
            return Err(invalid("an incomplete or oversized request head"));
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let mut lines = lines.into_iter();
    let request_line = lines.next().ok_or_else(|| invalid("no request line"))?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(invalid("a malformed request line"));
    };
    let headers = lines
        .filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            Some((name.trim().to_ascii_lowercase(), value.trim().to_string()))
        })
        .collect();
    Ok(Head {
        method: method.to_ascii_uppercase(),
        target: target.to_string(),
        headers,
    })
}

/// A reader of the request's body: `Content-Length` bytes, or the chunks of a chunked body.
fn request_body<'r>(head: &Head, reader: &'r mut dyn BufRead) -> io::Result<Box<dyn Read + 'r>> {
    if head
        .header("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        return Ok(Box::new(Chunked {
            reader,
            left: 0,
            done: false,
        }));
    }
    let length = match head.header("content-length") {
        Some(text) => text.trim().parse::<u64>().map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "a Content-Length that is not a number",
            )
        })?,
        None => 0,
    };
    Ok(Box::new(reader.take(length)))
}

/// The decoder of a chunked request body.
struct Chunked<'r> {
    reader: &'r mut dyn BufRead,
    left: u64,
    done: bool,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            let mut line = String::new();
            // A chunk-size line is short; a longer one is refused without being read whole.
            (&mut *self.reader)
                .take(MAX_CHUNK_LINE)
                .read_line(&mut line)?;
            let size = line.trim().split(';').next().unwrap_or_default();
            self.left = u64::from_str_radix(size, 16).map_err(|_| {
                io::Error::new(io::ErrorKind::InvalidData, "a malformed chunk size")
            })?;
            if self.left == 0 {
                // Trailers, then the empty line that ends the body.
                loop {
                    line.clear();
                    if self.reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                        break;
                    }
                }
                self.done = true;
                return Ok(0);
            }
        }
        let want = buf.len().min(self.left as usize);
        let n = self.reader.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        self.left -= n as u64;
        if self.left == 0 {
            let mut crlf = String::new();
            self.reader.read_line(&mut crlf)?;
        }
        Ok(n)
    }
}

/// Copies `body` to `writer`, flushing each piece as it is read, so that a body that comes
/// slowly (a trickle, a stall) reaches the client as it comes rather than when a buffer fills.
fn send_flushed(body: &mut impl Read, writer: &mut impl Write) -> io::Result<u64> {
    let mut buffer = vec![0; 64 * 1024];
    let mut sent = 0;
    loop {
        let n = match body.read(&mut buffer) {
            Ok(0) => return Ok(sent),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        writer.write_all(&buffer[..n])?;
        writer.flush()?;
        sent += n as u64;
    }
}

/// The reason phrase of the statuses the mock sends.
fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        416 => "Range Not Satisfiable",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    /// Answers `200` with the method and the body's length.
    fn echo() -> Arc<Handler> {
        Arc::new(|head: &Head, body: &mut dyn Read| {
            let mut bytes = Vec::new();
            let _ = body.read_to_end(&mut bytes);
            Reply::bytes(
                200,
                Vec::new(),
                format!("{} {}", head.method, bytes.len()).into_bytes(),
            )
        })
    }

    fn server(head_timeout: Duration, spawn: Spawn) -> HttpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        HttpServer::start_with(listener, echo(), head_timeout, spawn).unwrap()
    }

    /// Sends `raw` on a new connection and reads what comes back until it closes (5 s at most).
    fn exchange(server: &HttpServer, raw: &[u8]) -> String {
        let mut stream = TcpStream::connect(server.address()).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        stream.write_all(raw).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }

    const GET: &[u8] = b"GET /users/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    static SPAWNS: AtomicUsize = AtomicUsize::new(0);

    /// The first connection's thread cannot be started (a pids limit); the others can.
    fn first_fails(work: Box<dyn FnOnce() + Send>) -> io::Result<()> {
        if SPAWNS.fetch_add(1, Ordering::SeqCst) == 0 {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "Resource temporarily unavailable",
            ));
        }
        spawn_thread(work)
    }

    #[test]
    fn a_thread_that_cannot_start_costs_one_connection_not_the_listener() {
        let server = server(HEAD_TIMEOUT, first_fails);
        let refused = exchange(&server, GET);
        assert!(refused.starts_with("HTTP/1.1 503 "), "{refused:?}");
        let served = exchange(&server, GET);
        assert!(served.starts_with("HTTP/1.1 200 "), "{served:?}");
        assert!(served.ends_with("GET 0"), "{served:?}");
    }

    #[test]
    fn a_request_with_both_content_length_and_transfer_encoding_is_refused() {
        let server = server(HEAD_TIMEOUT, spawn_thread);
        let smuggled = b"POST /scripts HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\
            Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n";
        let answer = exchange(&server, smuggled);
        assert!(answer.starts_with("HTTP/1.1 400 "), "{answer:?}");
        assert!(answer.contains("Connection: close"), "{answer:?}");
        // One answer only: the smuggled GET is never read as a request.
        assert_eq!(answer.matches("HTTP/1.1").count(), 1, "{answer:?}");
        let twice =
            b"POST /scripts HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 5\r\n\r\nxxxxx";
        assert!(exchange(&server, twice).starts_with("HTTP/1.1 400 "));
        // Either alone is read as usual.
        let chunked = b"POST /scripts HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\
            Connection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        assert!(exchange(&server, chunked).ends_with("POST 3"));
    }

    #[test]
    fn a_half_sent_head_is_answered_408_when_its_time_is_up() {
        let server = server(Duration::from_millis(300), spawn_thread);
        let started = Instant::now();
        let answer = exchange(&server, b"GET /users/me HTTP/1.1\r\nHost: x\r\n");
        assert!(answer.starts_with("HTTP/1.1 408 "), "{answer:?}");
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "{:?}",
            started.elapsed()
        );
        // An idle keep-alive connection is not a half-sent head: it is still served.
        let mut stream = TcpStream::connect(server.address()).unwrap();
        thread::sleep(Duration::from_millis(600));
        stream.write_all(GET).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 "), "{answer:?}");
    }
}
