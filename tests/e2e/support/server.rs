//! A tiny static file server for the built app, written with `std` only.
//!
//! The test serves `dist/` itself, rather than using a tool, so that it
//! knows every request the page made: the tests assert that the page asks
//! for nothing but its own files.
//!
//! It sends the build the way a host set up as in the README does: where
//! the browser accepts it, a file's brotli (`.br`) or gzip (`.gz`) copy
//! that `make dist` wrote beside it, with `Content-Encoding`. A benchmark may
//! make it answer over a slow [`Link`].

use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A slow network between the browser and this server, for benchmarks:
/// each answer starts `latency` after its request, and the answers' bytes
/// share `bytes_per_second`. Unlike DevTools' emulation of a network, it
/// also slows what the service worker asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The round trip, added to every request.
    pub latency: Duration,
    /// The throughput, shared by every answer being sent.
    pub bytes_per_second: u32,
}

/// The link answers are sent over, if slow, and when it is next free.
#[derive(Default)]
struct Network {
    link: Option<Link>,
    free_at: Option<Instant>,
}

/// One request the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The HTTP method, as sent.
    pub method: String,
    /// The path, as sent, without its query string.
    pub path: String,
    /// The status code of the answer.
    pub status: u16,
    /// The `Content-Encoding` of the answer (`br` or `gzip`), if any.
    pub encoding: Option<&'static str>,
}

/// Serves a folder on `127.0.0.1` at a free port until dropped.
pub struct StaticServer {
    address: SocketAddr,
    served: Arc<Mutex<Vec<Served>>>,
    stopping: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
    network: Arc<Mutex<Network>>,
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
        let network = Arc::new(Mutex::new(Network::default()));
        let root = root.to_path_buf();
        let acceptor = {
            let (served, stopping, network) = (served.clone(), stopping.clone(), network.clone());
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (root, served, network, stopping) = (
                        root.clone(),
                        served.clone(),
                        network.clone(),
                        stopping.clone(),
                    );
                    // One thread per connection: the browser opens several at
                    // once, and may open one it never sends a request on.
                    thread::spawn(move || {
                        let _ = answer(stream, &root, &served, &network, &stopping);
                    });
                }
            })
        };
        Ok(Self {
            address,
            served,
            stopping,
            acceptor: Some(acceptor),
            network,
        })
    }

    /// Sends later answers over `link`, or at full speed with `None`.
    pub fn set_link(&self, link: Option<Link>) {
        let mut network = self.network.lock().unwrap_or_else(|e| e.into_inner());
        *network = Network {
            link,
            free_at: None,
        };
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
fn answer(
    mut stream: TcpStream,
    root: &Path,
    served: &Mutex<Vec<Served>>,
    network: &Mutex<Network>,
    stopping: &AtomicBool,
) -> io::Result<()> {
    // A connection the browser opened in advance and never used must not
    // keep a thread forever.
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only the encodings the browser accepts matter here.
    let mut accepted = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("accept-encoding")
        {
            accepted = value.trim().to_owned();
        }
    }

    // A connection the browser opened before the server stopped finds
    // nothing either.
    if stopping.load(Ordering::SeqCst) {
        return stream.shutdown(Shutdown::Both);
    }

    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(());
    };
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let (status, content_type, encoding, body) = if method != "GET" {
        (
            405,
            "text/plain; charset=utf-8",
            None,
            b"Only GET is served here.\n".to_vec(),
        )
    } else {
        match file_for(root, path).and_then(|file| {
            let (encoding, body) = compressed_copy(&file, &accepted)
                .or_else(|| Some((None, std::fs::read(&file).ok()?)))?;
            Some((file, encoding, body))
        }) {
            Some((file, encoding, body)) => (200, content_type(&file), encoding, body),
            None => (
                404,
                "text/plain; charset=utf-8",
                None,
                b"Not found.\n".to_vec(),
            ),
        }
    };
    served
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Served {
            method: method.to_owned(),
            path: path.to_owned(),
            status,
            encoding,
        });

    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let allow = if status == 405 { "Allow: GET\r\n" } else { "" };
    let encoded = encoding
        .map(|encoding| format!("Content-Encoding: {encoding}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {encoded}Vary: Accept-Encoding\r\n{allow}Cache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let link = network.lock().unwrap_or_else(|e| e.into_inner()).link;
    match link {
        None => {
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body)?;
        }
        Some(link) => {
            thread::sleep(link.latency);
            let mut bytes = head.into_bytes();
            bytes.extend_from_slice(&body);
            // A piece at a time, each when the shared link has carried the
            // pieces before it, of this answer and of the others.
            for piece in bytes.chunks(4096) {
                let due = {
                    let mut network = network.lock().unwrap_or_else(|e| e.into_inner());
                    let start = network
                        .free_at
                        .map_or_else(Instant::now, |free| free.max(Instant::now()));
                    let due = start
                        + Duration::from_secs_f64(
                            piece.len() as f64 / f64::from(link.bytes_per_second),
                        );
                    network.free_at = Some(due);
                    due
                };
                thread::sleep(due.saturating_duration_since(Instant::now()));
                stream.write_all(piece)?;
            }
        }
    }
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

/// The brotli or gzip copy of `file` written beside it (`name.br`,
/// `name.gz`), in that order of preference, when the request's
/// `Accept-Encoding` (`accepted`) allows it: its encoding and its bytes.
fn compressed_copy(file: &Path, accepted: &str) -> Option<(Option<&'static str>, Vec<u8>)> {
    ["br", "gzip"].into_iter().find_map(|encoding| {
        if !accepts(accepted, encoding) {
            return None;
        }
        let suffix = if encoding == "br" { "br" } else { "gz" };
        let mut name = file.file_name()?.to_os_string();
        name.push(format!(".{suffix}"));
        let body = std::fs::read(file.with_file_name(name)).ok()?;
        Some((Some(encoding), body))
    })
}

/// Whether the `Accept-Encoding` value `accepted` allows `encoding`: it is
/// listed (or `*` is), without `q=0`.
fn accepts(accepted: &str, encoding: &str) -> bool {
    accepted.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|parameter| {
            parameter
                .strip_prefix("q=")
                .and_then(|q| q.parse::<f64>().ok())
                .is_some_and(|q| q == 0.0)
        });
        (name.eq_ignore_ascii_case(encoding) || name == "*") && !refused
    })
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
        "webmanifest" => "application/manifest+json",
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
    fn encodings_are_taken_only_when_accepted() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip, deflate, br, zstd", "gzip"));
        assert!(!accepts("gzip, deflate", "br"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("br;q=0.5", "br"));
        assert!(accepts("*", "gzip"));
        assert!(!accepts("", "gzip"));
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
