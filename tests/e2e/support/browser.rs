//! Headless Chromium through its own chromedriver, one per test.
//!
//! Each [`Browser`] starts a chromedriver on a free loopback port and a
//! Chromium with a fresh, empty profile, so that no test sees another's
//! localStorage. Dropping it ends the WebDriver session (which quits
//! Chromium), stops chromedriver and deletes the profile, also when the
//! test failed.

use super::env_or;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A message the page wrote to the browser console (or the browser wrote
/// about the page, such as a failed request).
#[derive(Debug, Clone)]
pub struct ConsoleEntry {
    /// `SEVERE`, `WARNING`, `INFO` or `DEBUG`.
    pub level: String,
    /// The text, prefixed by its source and position.
    pub message: String,
}

/// A chromedriver process, killed when dropped.
struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts chromedriver on a free port and waits until it is ready.
    fn start() -> Self {
        let program = env_or("CHROMEDRIVER", "/usr/bin/chromedriver");
        let port = free_port();
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            // Its banner would only clutter the test output.
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program} (set CHROMEDRIVER): {e}"));
        let mut driver = Self { child, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let ready = webdriver_request(port, "GET", "/status", None)
                .is_ok_and(|status| status["value"]["ready"] == true);
            if ready {
                return driver;
            }
            if let Ok(Some(exit)) = driver.child.try_wait() {
                panic!("chromedriver exited before it was ready: {exit}");
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver was not ready on port {port} within 10 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An empty folder under the system's temporary folder, deleted when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(prefix: &str) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).expect("a temporary folder");
        Self(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A headless Chromium driven through WebDriver.
pub struct Browser {
    /// The WebDriver session.
    pub client: Client,
    session_id: String,
    console: Mutex<Vec<ConsoleEntry>>,
    requested: Mutex<Vec<String>>,
    // Dropped in this order, after `Drop for Browser` ended the session:
    // chromedriver first, then the profile it no longer uses.
    driver: Chromedriver,
    _profile: TempDir,
    downloads: TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with an empty profile,
    /// whose preferred language is `language` (`en-US`, `pl-PL`):
    /// `navigator.languages` and Accept-Language, whatever the machine's
    /// locale.
    pub async fn start_in(language: &str) -> Self {
        let profile = TempDir::new("clientele-e2e-profile");
        let downloads = TempDir::new("clientele-e2e-downloads");
        let driver = Chromedriver::start();
        let chromium = env_or("CHROMIUM", "/usr/bin/chromium");
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless",
                    // Root in a container: Chromium's sandbox cannot start.
                    "--no-sandbox",
                    "--disable-gpu",
                    // No network here: keep Chromium from trying to reach it.
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    // Containers often have a tiny /dev/shm.
                    "--disable-dev-shm-usage",
                    format!("--user-data-dir={}", profile.0.display()),
                    format!("--lang={language}"),
                ],
                // Files the page offers for download land in a folder of
                // their own, without asking.
                // Only network events in the performance log: page events
                // would only make it longer to read.
                "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false },
                "prefs": {
                    "download.default_directory": downloads.0.display().to_string(),
                    "download.prompt_for_download": false,
                    "intl.accept_languages": language,
                },
            },
            // Keep console messages so that tests can assert there is no
            // error, and the network log so that every test can check the
            // page asked for nothing but its own files.
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let client = builder
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .unwrap_or_else(|e| panic!("cannot start a Chromium session: {e}"));
        let session_id = client
            .session_id()
            .await
            .ok()
            .flatten()
            .expect("a WebDriver session id");
        let browser = Self {
            client,
            session_id,
            console: Mutex::new(Vec::new()),
            requested: Mutex::new(Vec::new()),
            driver,
            _profile: profile,
            downloads,
        };
        // Headless Chromium ignores the download preferences alone.
        browser.cdp(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": browser.downloads.0.display().to_string()}),
        );
        browser
    }

    /// The folder that downloads go to.
    pub fn downloads(&self) -> &std::path::Path {
        &self.downloads.0
    }

    /// Every console message since the browser started.
    ///
    /// Chromedriver hands each message out once, through its non-standard
    /// `POST /session/{id}/se/log` (the older `GET .../log` is refused in W3C
    /// mode), so the messages are collected here.
    pub fn console(&self) -> Vec<ConsoleEntry> {
        let path = format!("/session/{}/se/log", self.session_id);
        let answer = webdriver_request(
            self.driver.port,
            "POST",
            &path,
            Some(&json!({"type": "browser"})),
        )
        .unwrap_or_else(|e| panic!("cannot read the browser console: {e}"));
        let mut console = self.console.lock().unwrap_or_else(|e| e.into_inner());
        for entry in answer["value"].as_array().into_iter().flatten() {
            console.push(ConsoleEntry {
                level: entry["level"].as_str().unwrap_or_default().to_owned(),
                message: entry["message"].as_str().unwrap_or_default().to_owned(),
            });
        }
        console.clone()
    }

    /// The address of every request the page made since the browser
    /// started, in order, whether or not a server or the service worker
    /// answered it (leaving out Chromium's own pages): Chromium's `Network.requestWillBeSent` events, read from
    /// chromedriver's performance log (which, like the console, hands each
    /// entry out once).
    pub fn requested_urls(&self) -> Vec<String> {
        let path = format!("/session/{}/se/log", self.session_id);
        let answer = webdriver_request(
            self.driver.port,
            "POST",
            &path,
            Some(&json!({"type": "performance"})),
        )
        .unwrap_or_else(|e| panic!("cannot read the browser's network log: {e}"));
        let mut requested = self.requested.lock().unwrap_or_else(|e| e.into_inner());
        for entry in answer["value"].as_array().into_iter().flatten() {
            // Each entry's message is itself JSON: {"message": {method, params}}.
            let Some(event) = entry["message"]
                .as_str()
                .and_then(|text| serde_json::from_str::<Value>(text).ok())
            else {
                continue;
            };
            let event = &event["message"];
            let document = event["params"]["documentURL"].as_str().unwrap_or_default();
            // Chromium's own pages (the new tab page it starts on) are not
            // the app's doing.
            if event["method"] == "Network.requestWillBeSent"
                && !document.starts_with("chrome")
                && let Some(url) = event["params"]["request"]["url"].as_str()
            {
                requested.push(url.to_owned());
            }
        }
        requested.clone()
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver's
    /// `POST /session/{id}/goog/cdp/execute`, for what WebDriver cannot do
    /// (such as emulating print media), and returns its result.
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        let path = format!("/session/{}/goog/cdp/execute", self.session_id);
        let answer = webdriver_request(
            self.driver.port,
            "POST",
            &path,
            Some(&json!({"cmd": command, "params": params})),
        )
        .unwrap_or_else(|e| panic!("cannot send {command} to chromedriver: {e}"));
        let value = answer["value"].clone();
        assert!(
            value.get("error").is_none(),
            "chromedriver refused {command}: {value}"
        );
        value
    }

    /// Console messages of level `SEVERE`: uncaught exceptions, failed
    /// requests, `console.error`.
    pub fn console_errors(&self) -> Vec<String> {
        self.console()
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .map(|e| e.message)
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // `Client::close` is async and cannot run in `drop`, which also runs
        // when a test panics. Ending the session directly makes chromedriver
        // quit Chromium; killing chromedriver alone would leave Chromium running.
        let path = format!("/session/{}", self.session_id);
        let _ = webdriver_request(self.driver.port, "DELETE", &path, None);
    }
}

/// A free loopback port for chromedriver. It is only free when asked; the
/// tiny window before chromedriver binds it is acceptable in a test.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("a local address").port()
}

/// One plain HTTP/1.1 request to chromedriver, for the few calls that
/// fantoccini does not offer: readiness, console logs, and ending the
/// session from `drop`. The answer is read by its `Content-Length`:
/// chromedriver says `Connection: close` but keeps the socket open.
fn webdriver_request(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> io::Result<Value> {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value
                .trim()
                .parse()
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        }
    }
    let mut json = vec![0; length];
    reader.read_exact(&mut json)?;
    serde_json::from_slice(&json).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}
