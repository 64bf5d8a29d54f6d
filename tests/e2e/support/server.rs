//! A tiny static file server for the built app, written with `std` only.
//!
//! The test serves `dist/` itself, rather than using a tool, so that it
//! knows every request the page made: the tests assert that the page asks
//! for nothing but its own files.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// One request the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The HTTP method, as sent.
    pub method: String,
    /// The path, as sent, without its query string.
    pub path: String,
    /// The status code of the answer.
    pub status: u16,
}

/// Serves a folder on `127.0.0.1` at a free port until dropped.
pub struct StaticServer {
    address: SocketAddr,
    served: Arc<Mutex<Vec<Served>>>,
    stopping: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Starts serving the files under `root`.
    pub fn start(root: &Path) -> io::Result<Self> {
        // Port 0: the system picks a free port, so that nothing else on the
        // machine (a developer's server, a parallel run) gets in the way.
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = listener.local_addr()?;
        let served = Arc::new(Mutex::new(Vec::new()));
        let stopping = Arc::new(AtomicBool::new(false));
        let root = root.to_path_buf();
        let acceptor = {
            let (served, stopping) = (served.clone(), stopping.clone());
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (root, served) = (root.clone(), served.clone());
                    // One thread per connection: the browser opens several at
                    // once, and may open one it never sends a request on.
                    thread::spawn(move || {
                        let _ = answer(stream, &root, &served);
                    });
                }
            })
        };
        Ok(Self {
            address,
            served,
            stopping,
            acceptor: Some(acceptor),
        })
    }

    /// `http://127.0.0.1:PORT`, with no trailing slash.
    pub fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Every request answered so far, in order.
    pub fn served(&self) -> Vec<Served> {
        self.served
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

impl StaticServer {
    /// Stops serving: later requests find nothing listening, as when the
    /// network is gone.
    pub fn stop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // `accept` blocks; a connection of our own wakes it to see the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Reads one request from `stream` and answers it; one request per
/// connection (`Connection: close`) keeps the server simple.
fn answer(mut stream: TcpStream, root: &Path, served: &Mutex<Vec<Served>>) -> io::Result<()> {
    // A connection the browser opened in advance and never used must not
    // keep a thread forever.
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read and ignore the headers: nothing here depends on them.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }

    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(());
    };
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let (status, content_type, body) = if method != "GET" {
        (
            405,
            "text/plain; charset=utf-8",
            b"Only GET is served here.\n".to_vec(),
        )
    } else {
        match file_for(root, path)
            .and_then(|file| std::fs::read(&file).ok().map(|body| (file, body)))
        {
            Some((file, body)) => (200, content_type(&file), body),
            None => (404, "text/plain; charset=utf-8", b"Not found.\n".to_vec()),
        }
    };
    served
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Served {
            method: method.to_owned(),
            path: path.to_owned(),
            status,
        });

    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let allow = if status == 405 { "Allow: GET\r\n" } else { "" };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {allow}Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)?;
    stream.flush()?;
    stream.shutdown(Shutdown::Both)
}

/// The file under `root` that the URL path `path` names, if there is one.
/// Only plain names are accepted (letters, digits, `.`, `_`, `-`, no name
/// starting with a dot), so no path can reach outside `root`.
fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = path.strip_prefix('/')?;
    let relative = if relative.is_empty() {
        "index.html"
    } else {
        relative
    };
    let mut file = root.to_path_buf();
    for segment in relative.split('/') {
        let plain = !segment.is_empty()
            && !segment.starts_with('.')
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
        if !plain {
            return None;
        }
        file.push(segment);
    }
    file.is_file().then_some(file)
}

/// The `Content-Type` for a file, by its extension. WebAssembly must be
/// `application/wasm` for streaming compilation, and scripts must have a
/// JavaScript type because the server says `nosniff`.
fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_inside_the_root_are_served() {
        let root = std::env::temp_dir();
        for path in [
            "/../etc/passwd",
            "/.hidden",
            "//x",
            "/a%2fb",
            "relative",
            "/a/./b",
        ] {
            assert_eq!(file_for(&root, path), None, "{path}");
        }
    }

    #[test]
    fn types_are_given_by_extension() {
        assert_eq!(content_type(Path::new("app_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("app.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("icon.svg")), "image/svg+xml");
    }
}
