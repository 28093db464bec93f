//! The mock's HTTP/1.1 server: a thread per connection, keep-alive, request bodies streamed to
//! the handler, and answers that can end the connection on purpose (before any byte, or after
//! part of the body) the way a failing server or network does. A general-purpose server cannot
//! do the last: its connections outlive a handler that gives up, so the client would see a read
//! timeout instead of a closed connection.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

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

/// The handler: the request's head and a reader of its body, to the answer.
pub(crate) type Handler = dyn Fn(&Head, &mut dyn Read) -> Reply + Send + Sync;

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

impl HttpServer {
    /// Starts serving `listener` with `handler`.
    pub fn start(listener: TcpListener, handler: Arc<Handler>) -> io::Result<Self> {
        let address = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (handler, stopped) = (handler.clone(), stopped.clone());
                thread::spawn(move || {
                    let _ = serve_connection(stream, &*handler, &stopped);
                });
            }
        });
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

fn serve_connection(stream: TcpStream, handler: &Handler, stop: &AtomicBool) -> io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE_CHECK))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::with_capacity(64 * 1024, Patient { stream, stop });
    loop {
        // Wait for the next request, or the client's close.
        if reader.fill_buf()?.is_empty() {
            return Ok(());
        }
        let head = read_head(&mut reader)?;
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
        // Whatever the handler left unread, so the next request starts where it should.
        io::copy(&mut body, &mut io::sink())?;
        drop(body);
        match reply {
            Reply::Close => return close(&writer),
            Reply::Answer {
                status,
                headers,
                mut body,
                body_len,
                cut_after,
            } => {
                let mut head_text = format!("HTTP/1.1 {status} {}\r\n", reason(status));
                for (name, value) in &headers {
                    head_text.push_str(&format!("{name}: {value}\r\n"));
                }
                if !headers
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case("content-length"))
                {
                    head_text.push_str(&format!("Content-Length: {body_len}\r\n"));
                }
                if close_after {
                    head_text.push_str("Connection: close\r\n");
                }
                head_text.push_str("\r\n");
                writer.write_all(head_text.as_bytes())?;
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

/// Closes both directions now, so the client reads the end of the stream at once.
fn close(stream: &TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Both)
}

/// A socket whose reads wait out the idle timeout until the server stops, so a keep-alive
/// connection neither ends early nor keeps a thread after the server is gone.
struct Patient<'a> {
    stream: TcpStream,
    stop: &'a AtomicBool,
}

impl Read for Patient<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
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
