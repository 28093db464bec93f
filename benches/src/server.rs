//! The local HTTP server the per-call figures are measured against: nginx in a process of its
//! own when it is installed (so that it does not compete inside the measured process), else a
//! tiny_http thread, labelled as such. Either serves one static JSON answer at `/users/me` with
//! keep-alive, and stops when dropped.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A running server.
pub struct Server {
    /// `http://127.0.0.1:PORT/`.
    pub url: String,
    /// What it is, for the report.
    pub label: String,
    nginx: Option<Child>,
    tiny: Option<(Arc<tiny_http::Server>, JoinHandle<()>)>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.nginx.take() {
            // With `master_process off` nginx is this one process: killing it stops the server.
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some((server, thread)) = self.tiny.take() {
            server.unblock();
            let _ = thread.join();
        }
    }
}

/// The nginx binary: `CIVIS_BENCH_NGINX`, else `nginx` on the `PATH` or in `/usr/sbin`.
fn nginx_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CIVIS_BENCH_NGINX").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    dirs.push("/usr/sbin".into());
    dirs.into_iter()
        .map(|d| d.join("nginx"))
        .find(|p| p.is_file())
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Starts nginx if it is installed, else the tiny_http fallback; `body` is the answer to
/// `GET /users/me`. `work_dir` holds nginx's configuration, logs and the answer file.
pub fn start(work_dir: &Path, body: &[u8]) -> Server {
    match nginx_binary() {
        Some(nginx) => match start_nginx(&nginx, work_dir, body) {
            Ok(server) => return server,
            Err(e) => eprintln!("nginx did not start ({e}); using the tiny_http fallback"),
        },
        None => eprintln!(
            "nginx not found (apt-get install nginx-light, or set CIVIS_BENCH_NGINX); using the \
             tiny_http fallback"
        ),
    }
    start_tiny(body)
}

fn start_nginx(nginx: &Path, work_dir: &Path, body: &[u8]) -> Result<Server, String> {
    let dir = work_dir.join("nginx");
    std::fs::create_dir_all(dir.join("tmp")).map_err(|e| e.to_string())?;
    let answer = dir.join("users_me.json");
    std::fs::write(&answer, body).map_err(|e| e.to_string())?;
    let port = free_port().map_err(|e| e.to_string())?;
    let d = dir.display();
    let config = format!(
        "# Written by civis-bench; nginx runs in the foreground as one process.
daemon off;
master_process off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {d}/tmp/body;
    proxy_temp_path {d}/tmp/proxy;
    fastcgi_temp_path {d}/tmp/fastcgi;
    uwsgi_temp_path {d}/tmp/uwsgi;
    scgi_temp_path {d}/tmp/scgi;
    keepalive_timeout 300s;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        location = /users/me {{
            default_type application/json;
            alias {answer};
        }}
    }}
}}
",
        answer = answer.display()
    );
    let conf = dir.join("nginx.conf");
    std::fs::write(&conf, config).map_err(|e| e.to_string())?;
    let log = std::fs::File::create(dir.join("stderr.log")).map_err(|e| e.to_string())?;
    let mut child = Command::new(nginx)
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(&conf)
        .arg("-e")
        .arg(dir.join("error.log"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("{}: {e}", nginx.display()))?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            let errors = std::fs::read_to_string(dir.join("stderr.log")).unwrap_or_default()
                + &std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
            return Err(format!("nginx exited with {status}: {}", errors.trim()));
        }
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err("nginx did not listen within 10 s".into());
        }
        thread::sleep(Duration::from_millis(20));
    }
    Ok(Server {
        url: format!("http://127.0.0.1:{port}/"),
        label: format!(
            "nginx ({}), separate process, static file, keep-alive",
            nginx.display()
        ),
        nginx: Some(child),
        tiny: None,
    })
}

fn start_tiny(body: &[u8]) -> Server {
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let body = body.to_vec();
    let serving = Arc::clone(&server);
    let thread = thread::spawn(move || {
        let json = tiny_http::Header::from_bytes("Content-Type", "application/json")
            .expect("a valid header");
        for request in serving.incoming_requests() {
            let response = if request.url() == "/users/me" {
                tiny_http::Response::from_data(body.clone()).with_header(json.clone())
            } else {
                tiny_http::Response::from_data(b"{}".to_vec()).with_status_code(404)
            };
            let _ = request.respond(response);
        }
    });
    Server {
        url: format!("http://127.0.0.1:{port}/"),
        label: "FALLBACK: tiny_http thread inside the measured process".into(),
        nginx: None,
        tiny: Some((server, thread)),
    }
}
