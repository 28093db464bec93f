//! A real HTTP server on 127.0.0.1 for the tests: it answers with scripted responses in order
//! (the last one repeats) and records every request it receives.

use std::sync::{Arc, Mutex};
use std::thread;

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Body text.
    pub body: String,
}

impl Reply {
    /// A JSON answer.
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.into(),
        }
    }

    /// The same answer with one more header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A request as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// HTTP verb.
    pub method: String,
    /// Path and query, as sent.
    pub url: String,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// Body text.
    pub body: String,
}

impl Received {
    /// The first header called `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON, `None` when empty.
    pub fn json(&self) -> Option<serde_json::Value> {
        (!self.body.is_empty()).then(|| serde_json::from_str(&self.body).expect("the body is JSON"))
    }
}

/// A running server; it stops when dropped.
pub struct TestServer {
    /// `http://127.0.0.1:PORT/`.
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<thread::JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server that answers with `replies` in order, repeating the last.
    pub fn start(replies: Vec<Reply>) -> Self {
        Self::start_with(move |index, _| replies[index.min(replies.len() - 1)].clone())
    }

    /// Starts a server that computes each answer from the request's index and itself.
    pub fn start_with(reply: impl Fn(usize, &Received) -> Reply + Send + 'static) -> Self {
        let server =
            Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("a free loopback port"));
        let url = format!(
            "http://{}/",
            server.server_addr().to_ip().expect("an IP address")
        );
        let received = Arc::new(Mutex::new(Vec::new()));
        let (log, listener) = (received.clone(), server.clone());
        let thread = thread::spawn(move || {
            for mut request in listener.incoming_requests() {
                let mut body = String::new();
                let _ = request.as_reader().read_to_string(&mut body);
                let seen = Received {
                    method: request.method().to_string(),
                    url: request.url().to_string(),
                    headers: request
                        .headers()
                        .iter()
                        .map(|h| {
                            (
                                h.field.as_str().as_str().to_ascii_lowercase(),
                                h.value.to_string(),
                            )
                        })
                        .collect(),
                    body,
                };
                let index = {
                    let mut log = log.lock().unwrap();
                    log.push(seen.clone());
                    log.len() - 1
                };
                let answer = reply(index, &seen);
                let mut response =
                    tiny_http::Response::from_string(answer.body).with_status_code(answer.status);
                for (name, value) in &answer.headers {
                    response.add_header(
                        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap(),
                    );
                }
                let _ = request.respond(response);
            }
        });
        Self {
            url,
            received,
            server,
            thread: Some(thread),
        }
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
