//! [`App`]: the built app served to a fresh headless Chromium, with helpers
//! that use the page the way a person does. Controls are found by their
//! label, or by role and accessible name, never by CSS class or layout, so
//! that the tests also check that the page can be used with a screen reader,
//! and survive a restyle.

use super::browser::Browser;
use super::server::{Link, Served, StaticServer};
use super::{env_or, wait_until};
use fantoccini::elements::Element;
use fantoccini::wd::{PrintConfiguration, PrintSize};
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use std::path::PathBuf;

/// An ARIA role, explicit (`role="…"`) or implied by the HTML element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `<button>`.
    Button,
    /// `<a href>`.
    Link,
    /// A message that needs attention (`role="alert"`).
    Alert,
    /// A live status message (`role="status"`, `<output>`).
    Status,
    /// The page header (`<header>` outside any sectioning element).
    Banner,
    /// `<input type="checkbox">`.
    Checkbox,
    /// A picture with a name (`role="img"`, such as a chart).
    Img,
}

impl Role {
    /// XPath for every element with this role.
    fn xpath(self) -> &'static str {
        match self {
            Role::Button => "//*[self::button or @role='button']",
            Role::Link => "//*[(self::a and @href) or @role='link']",
            Role::Alert => "//*[@role='alert']",
            Role::Status => "//*[@role='status' or self::output]",
            Role::Banner => {
                "//*[@role='banner' or (self::header and not(ancestor::article or ancestor::aside \
                 or ancestor::main or ancestor::nav or ancestor::section))]"
            }
            Role::Checkbox => "//*[(self::input and @type='checkbox') or @role='checkbox']",
            Role::Img => "//*[@role='img']",
        }
    }
}

/// Which accessible name to look for. The name is taken as a screen reader
/// would for these simple elements: `aria-label` when present, otherwise
/// the text content, with white space collapsed.
#[derive(Debug, Clone, Copy)]
pub enum Name<'a> {
    /// Any name.
    Any,
    /// Exactly this name.
    Is(&'a str),
    /// A name that starts with this.
    StartsWith(&'a str),
    /// A name that contains this.
    Contains(&'a str),
}

impl Name<'_> {
    /// An XPath predicate (with its brackets) selecting elements by name.
    fn predicate(self) -> String {
        let test = |function: &str, text: &str| {
            let text = xpath_literal(text);
            format!(
                "[(@aria-label and {function}(normalize-space(@aria-label), {text})) \
                 or (not(@aria-label) and {function}(normalize-space(.), {text}))]"
            )
        };
        match self {
            Name::Any => String::new(),
            Name::Is(text) => {
                let text = xpath_literal(text);
                format!(
                    "[normalize-space(@aria-label) = {text} or (not(@aria-label) and normalize-space(.) = {text})]"
                )
            }
            Name::StartsWith(text) => test("starts-with", text),
            Name::Contains(text) => test("contains", text),
        }
    }
}

/// `text` as an XPath 1.0 string literal, which has no escapes: quotes of
/// the other kind, or `concat` when the text holds both.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|part| format!("'{part}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// The release build served on a free loopback port, and a headless
/// Chromium with an empty profile to use it. Everything stops when dropped.
pub struct App {
    // Declared first so that it is dropped first: the browser goes before
    // the server it might still be talking to.
    browser: Browser,
    server: StaticServer,
    dist: PathBuf,
    /// Files taken out of the download folder, deleted when dropped.
    downloaded: std::sync::Mutex<Vec<PathBuf>>,
    /// A copy of the build served instead of `dist/`, deleted when dropped.
    served_copy: Option<PathBuf>,
    /// Requests a test makes on purpose; see [`App::allow_request`].
    allowed_requests: std::sync::Mutex<Vec<String>>,
}

/// Copies the folder `from` into `to`, recursively.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("a folder for the copy");
    for entry in std::fs::read_dir(from).expect("the build folder") {
        let entry = entry.expect("a file of the build");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("the file copies");
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // Every test, at its end, checks that the page reached for nothing
        // but its own files. Not while a test is already failing: a second
        // panic would abort the run and hide the first.
        if !std::thread::panicking() {
            let foreign = self.foreign_requests();
            assert!(
                foreign.is_empty(),
                "the page asked for what is not one of its own files: {foreign:#?}"
            );
        }
        for file in self
            .downloaded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            let _ = std::fs::remove_file(file);
        }
        if let Some(copy) = &self.served_copy {
            let _ = std::fs::remove_dir_all(copy);
        }
    }
}

impl App {
    /// Clicks the one button named `name`, waiting for it to be there.
    pub async fn press(&self, name: &str) {
        self.click(Role::Button, name).await;
    }

    /// Follows the one link named `name`, waiting for it to be there.
    pub async fn follow(&self, name: &str) {
        self.click(Role::Link, name).await;
    }

    /// Ticks (or unticks) the one checkbox named `name`, such as a row's
    /// "Select Fabrikam".
    pub async fn toggle(&self, name: &str) {
        self.click(Role::Checkbox, name).await;
    }

    /// Clicks the one element with `role` and `name` once it is there and
    /// nothing covers it. Chromedriver refuses a click, without making it,
    /// when another element would get it: for a moment that happens while
    /// the page still scrolls or lays out rows, so the click is tried again
    /// until [`wait_until`] gives up.
    ///
    /// The element is first scrolled into view and two frames are drawn:
    /// rows laid out lazily (`content-visibility`) take their real height
    /// only once they come into view, which can move the element after
    /// Chromedriver has aimed but before it clicks, and such a click lands
    /// on a row without an error.
    async fn click(&self, role: Role, name: &str) {
        wait_until(
            &format!("the {role:?} {name:?} can be clicked"),
            async || {
                let element = self.find(role, Name::Is(name)).await?;
                let target = serde_json::to_value(&element).map_err(|e| e.to_string())?;
                self.client()
                    .execute_async(
                        "const [element, done] = arguments;\n\
                         element.scrollIntoView({block: 'center'});\n\
                         requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                        vec![target],
                    )
                    .await
                    .map_err(|e| e.to_string())?;
                element.click().await.map_err(|e| e.to_string())
            },
        )
        .await;
    }

    /// Creates a profile on the Profiles screen, as a person does, and
    /// waits for its editor.
    pub async fn create_profile(&self, name: &str) {
        self.type_into("New profile: company name", name).await;
        self.press("Create profile").await;
        self.wait_for_main_heading(&format!("Edit {name}")).await;
    }

    /// Opens the disclosure (`<details>`) whose summary reads `name`, such
    /// as an export's options.
    pub async fn open_disclosure(&self, name: &str) {
        let xpath = format!("//summary[normalize-space(.) = {}]", xpath_literal(name));
        let summary = wait_until(&format!("the {name:?} disclosure is there"), async || {
            self.only(&xpath, &format!("the disclosure {name:?}")).await
        })
        .await;
        summary
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot open {name:?}: {e}"));
    }

    /// Waits for the next file the page downloads and returns its name and
    /// text. The file is moved out of the download folder, so the next call
    /// waits for a new one.
    pub async fn take_download(&self) -> (String, String) {
        let folder = self.browser.downloads().to_path_buf();
        // Chrome can show the final name before the last bytes are flushed,
        // so a file counts as downloaded only once it is non-empty and its
        // size held still between two polls.
        let mut last_size: Option<(PathBuf, u64)> = None;
        let (name, path) = wait_until("a file is downloaded", async || {
            let done: Vec<_> = std::fs::read_dir(&folder)
                .map_err(|e| e.to_string())?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".crdownload"))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            match done.as_slice() {
                [one] => {
                    let size = std::fs::metadata(one).map_err(|e| e.to_string())?.len();
                    let seen = last_size.replace((one.clone(), size));
                    if size == 0 || seen != Some((one.clone(), size)) {
                        return Err(format!("{} is still being written", one.display()));
                    }
                    Ok((
                        one.file_name().unwrap().to_string_lossy().into_owned(),
                        one.clone(),
                    ))
                }
                [] => Err("nothing downloaded yet".to_owned()),
                many => Err(format!("{} files downloaded at once", many.len())),
            }
        })
        .await;
        let text = std::fs::read_to_string(&path).expect("the downloaded file reads");
        let kept =
            std::env::temp_dir().join(format!("clientele-e2e-{}-{name}", std::process::id()));
        std::fs::rename(&path, &kept).expect("the download moves out of the folder");
        self.downloaded.lock().unwrap().push(kept);
        (name, text)
    }

    /// The path of the last file taken with [`App::take_download`], to
    /// give to another browser.
    pub fn last_download(&self) -> PathBuf {
        self.downloaded
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a file was downloaded")
    }

    /// Chooses `files` in the file input labelled `label`, as a person does
    /// in the browser's file dialog.
    pub async fn upload(&self, label: &str, files: &[PathBuf]) {
        let input = wait_until(&format!("the {label:?} file input is there"), async || {
            self.field(label).await
        })
        .await;
        // WebDriver takes several files as one path a line.
        let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        input
            .send_keys(&paths.join("\n"))
            .await
            .unwrap_or_else(|e| panic!("cannot choose {paths:?} in {label:?}: {e}"));
    }

    /// Chooses the option shown as `option` in the list labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        let select = wait_until(&format!("the {label:?} list is there"), async || {
            self.field(label).await
        })
        .await;
        select
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("cannot choose {option:?} in {label:?}: {e}"));
    }

    /// Serves `DIST_DIR` (default: `dist/` of this crate) and starts the
    /// browser, on no page yet, its language English.
    pub async fn start() -> Self {
        Self::start_in("en-US").await
    }

    /// Like [`App::start`], with a browser that prefers `language`.
    pub async fn start_in(language: &str) -> Self {
        let dist = PathBuf::from(env_or(
            "DIST_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/dist"),
        ));
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: run `make dist` first (or set DIST_DIR)",
            dist.display()
        );
        let server = StaticServer::start(&dist).expect("a static server on 127.0.0.1");
        let browser = Browser::start_in(language).await;
        Self {
            browser,
            server,
            dist,
            downloaded: std::sync::Mutex::new(Vec::new()),
            served_copy: None,
            allowed_requests: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Like [`App::open`], but serving a copy of the build that the test
    /// may change (to play a new deployment) through [`App::served_dir`].
    pub async fn open_copy(route: &str) -> Self {
        let mut app = Self::start().await;
        let copy = std::env::temp_dir().join(format!(
            "clientele-e2e-dist-{}-{}",
            std::process::id(),
            app.server.origin().rsplit(':').next().unwrap_or_default()
        ));
        copy_dir(&app.dist, &copy);
        app.server = StaticServer::start(&copy).expect("a static server on 127.0.0.1");
        app.dist = copy.clone();
        app.served_copy = Some(copy);
        app.goto(route).await;
        app
    }

    /// The folder being served.
    pub fn served_dir(&self) -> &std::path::Path {
        &self.dist
    }

    /// Makes the server answer over `link` from now on (`None`: at full
    /// speed again).
    pub fn set_link(&self, link: Option<Link>) {
        self.server.set_link(link);
    }

    /// Stops the server, as when the network or the host is gone.
    pub fn stop_server(&mut self) {
        self.server.stop();
    }

    /// Starts everything and opens the app at `route` (such as `""` or
    /// `"#/data"`), ready to use.
    pub async fn open(route: &str) -> Self {
        let app = Self::start().await;
        app.goto(route).await;
        app
    }

    /// The WebDriver session, for what the helpers here do not cover.
    pub fn client(&self) -> &Client {
        &self.browser.client
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        self.server.origin()
    }

    /// The address of the app at `route`.
    pub fn url(&self, route: &str) -> String {
        format!("{}/{route}", self.origin())
    }

    /// Every request the page made to the server so far.
    pub fn served(&self) -> Vec<Served> {
        self.server.served()
    }

    /// Every request the page made for something other than the files of
    /// its build, apart from those a test allowed with
    /// [`App::allow_request`]: any other host, and on its own server
    /// anything but `/` and the build's files. `blob:` addresses (the files
    /// the page offers for download) and `data:` ones stay in the browser.
    ///
    /// Both the browser's network log (which sees every host) and the
    /// server's (which also sees the service worker's own requests) count.
    pub fn foreign_requests(&self) -> Vec<String> {
        let origin = self.origin();
        let files = self.dist_files();
        let own_file = |path: &str| {
            let path = path.split(['?', '#']).next().unwrap_or_default();
            path == "/"
                || path
                    .strip_prefix('/')
                    .is_some_and(|name| files.iter().any(|file| file == name))
        };
        let allowed = self.allowed_requests.lock().unwrap().clone();
        let in_browser = self.requested_urls().into_iter().filter(|url| !match url
            .strip_prefix(&origin)
        {
            Some(path) => own_file(path),
            None => {
                url.starts_with(&format!("blob:{origin}/"))
                    || url.starts_with("data:")
                    || url == "about:blank"
            }
        });
        let on_server = self
            .served()
            .into_iter()
            .filter(|request| request.method != "GET" || !own_file(&request.path))
            .map(|request| format!("{} {}{}", request.method, origin, request.path));
        in_browser
            .chain(on_server)
            .filter(|request| !allowed.iter().any(|url| request.ends_with(url.as_str())))
            .collect()
    }

    /// The address of every request the browser saw the page make.
    pub fn requested_urls(&self) -> Vec<String> {
        self.browser.requested_urls()
    }

    /// Lets the page ask for `url` (an address, or its path on the app's
    /// server) without failing the check every test ends with: for a test
    /// that makes such a request on purpose.
    pub fn allow_request(&self, url: &str) {
        self.allowed_requests.lock().unwrap().push(url.to_owned());
    }

    /// The names of the files in the served folder.
    pub fn dist_files(&self) -> Vec<String> {
        std::fs::read_dir(&self.dist)
            .expect("the served folder")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect()
    }

    /// Console errors (level `SEVERE`) since the browser started.
    pub fn console_errors(&self) -> Vec<String> {
        self.browser.console_errors()
    }

    /// Panics if the browser console holds an error.
    pub fn assert_no_console_errors(&self) {
        let errors = self.console_errors();
        assert!(
            errors.is_empty(),
            "the browser console has errors: {errors:#?}"
        );
    }

    /// Opens the app at `route` in the current tab and waits until it is
    /// ready to use.
    pub async fn goto(&self, route: &str) {
        self.client()
            .goto(&self.url(route))
            .await
            .expect("the page opens");
        self.wait_until_ready().await;
        self.settle().await;
    }

    /// Reloads the current tab and waits until the app is ready again.
    pub async fn reload(&self) {
        self.client().refresh().await.expect("the page reloads");
        self.wait_until_ready().await;
        self.settle().await;
    }

    /// Waits for two frames to be drawn. A change of screen within the app
    /// (only the `#` part of the address changes) draws the new screen and
    /// then, on the next frame, moves focus to its heading, which scrolls
    /// the page; a control found before that would move under the click.
    pub(super) async fn settle(&self) {
        self.client()
            .execute_async(
                "const done = arguments[arguments.length - 1];\n\
                 requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                vec![],
            )
            .await
            .expect("the page draws frames");
    }

    /// Waits until the app has started: the page header shows "Clientele"
    /// and the "Workspace" field is there. The page loads before the
    /// WebAssembly has run, so this must be polled.
    pub async fn wait_until_ready(&self) {
        wait_until(
            "the app shows its header and the workspace's name field",
            async || {
                let banner = self.find(Role::Banner, Name::Any).await?;
                let text = banner.text().await.map_err(|e| e.to_string())?;
                if !text.contains("Clientele") {
                    return Err(format!("the header says {text:?}"));
                }
                // Found by its id: its label is in the page's language.
                let field = self
                    .run(
                        "return document.getElementById('workspace-name') !== null;",
                        vec![],
                    )
                    .await;
                (field == Value::Bool(true))
                    .then_some(())
                    .ok_or_else(|| "no workspace name field".to_owned())
            },
        )
        .await;
    }

    /// The one element with `role` and `name`; an error describes what
    /// was found instead.
    pub async fn find(&self, role: Role, name: Name<'_>) -> Result<Element, String> {
        self.only(
            &format!("{}{}", role.xpath(), name.predicate()),
            &format!("{role:?} {name:?}"),
        )
        .await
    }

    /// Waits until there is exactly one element with `role` and `name`.
    pub async fn wait_for(&self, role: Role, name: Name<'_>) -> Element {
        wait_until(
            &format!("there is one {role:?} named {name:?}"),
            async || self.find(role, name).await,
        )
        .await
    }

    /// The text of every element with `role`, in page order.
    pub async fn texts(&self, role: Role) -> Result<Vec<String>, String> {
        let elements = self
            .client()
            .find_all(Locator::XPath(role.xpath()))
            .await
            .map_err(|e| e.to_string())?;
        let mut texts = Vec::new();
        for element in elements {
            texts.push(element.text().await.map_err(|e| e.to_string())?);
        }
        Ok(texts)
    }

    /// The form field whose `<label for>` reads `label`.
    pub async fn field(&self, label: &str) -> Result<Element, String> {
        let xpath = format!(
            "//*[@id = //label[normalize-space(.) = {}]/@for]",
            xpath_literal(label)
        );
        self.only(&xpath, &format!("the field labelled {label:?}"))
            .await
    }

    /// What the field labelled `label` holds now.
    pub async fn field_value(&self, label: &str) -> Result<String, String> {
        let field = self.field(label).await?;
        let value = field.prop("value").await.map_err(|e| e.to_string())?;
        Ok(value.unwrap_or_default())
    }

    /// Waits until the field labelled `label` shows `expected`.
    pub async fn wait_for_field_value(&self, label: &str, expected: &str) {
        wait_until(
            &format!("the {label} field shows {expected:?}"),
            async || {
                let value = self.field_value(label).await?;
                if value == expected {
                    Ok(())
                } else {
                    Err(format!("it shows {value:?}"))
                }
            },
        )
        .await;
    }

    /// Clears the field labelled `label` and types `text` into it, as a
    /// person would with the keyboard; an error if the browser refuses
    /// (for example because the field is disabled).
    pub async fn try_type_into(&self, label: &str, text: &str) -> Result<(), String> {
        let field = self.field(label).await?;
        field.clear().await.map_err(|e| e.to_string())?;
        field.send_keys(text).await.map_err(|e| e.to_string())
    }

    /// Like [`App::try_type_into`], waiting for the field to be there.
    pub async fn type_into(&self, label: &str, text: &str) {
        wait_until(&format!("the {label} field is there"), async || {
            self.field(label).await
        })
        .await;
        self.try_type_into(label, text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into {label}: {e}"));
    }

    /// The text of the page's one level-one heading.
    pub async fn main_heading(&self) -> Result<String, String> {
        let heading = self.only("//h1", "a level-one heading").await?;
        heading.text().await.map_err(|e| e.to_string())
    }

    /// Waits until the page's level-one heading reads `expected`.
    pub async fn wait_for_main_heading(&self, expected: &str) {
        wait_until(&format!("the page heading is {expected:?}"), async || {
            let heading = self.main_heading().await?;
            if heading == expected {
                Ok(())
            } else {
                Err(format!("it is {heading:?}"))
            }
        })
        .await;
    }

    /// The text localStorage holds under `key`, in the current tab's origin.
    pub async fn stored(&self, key: &str) -> Option<String> {
        let value = self
            .run(
                "return window.localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await;
        value.as_str().map(str::to_owned)
    }

    /// Writes `text` under `key` in localStorage, as another program (or a
    /// damaged disk) might. Other tabs hear of it; this one does not.
    pub async fn store(&self, key: &str, text: &str) {
        self.run(
            "window.localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(key), json!(text)],
        )
        .await;
    }

    /// Every key in localStorage.
    pub async fn stored_keys(&self) -> Vec<String> {
        let keys = self
            .run(
                "const keys = [];\n\
                 for (let i = 0; i < window.localStorage.length; i++) keys.push(window.localStorage.key(i));\n\
                 return keys;",
                Vec::new(),
            )
            .await;
        serde_json::from_value(keys).expect("a list of keys")
    }

    /// The file text of the workspace stored under [`super::WORKSPACE_KEY`]:
    /// storage keeps it packed, its profiles in chunks of their own.
    pub async fn stored_workspace_text(&self) -> Option<String> {
        let found = self
            .run(
                "const s = window.localStorage, chunks = {};                  for (let i = 0; i < s.length; i++) {                    const key = s.key(i);                    if (key.startsWith(arguments[1]))                      chunks[key.slice(arguments[1].length)] = s.getItem(key);                  }                  return [s.getItem(arguments[0]), chunks];",
                vec![json!(super::WORKSPACE_KEY), json!("clientele.v1.chunk.")],
            )
            .await;
        let text = found[0].as_str()?;
        let chunks = &found[1];
        let mut read_chunk = |name: &str| chunks[name].as_str().map(str::to_owned);
        Some(clientele::format::stored::file_text(text, &mut read_chunk))
    }

    /// The workspace stored under [`super::WORKSPACE_KEY`], unpacked and
    /// parsed; `None` when nothing (or nothing readable) is stored.
    pub async fn stored_workspace(&self) -> Option<Value> {
        serde_json::from_str(&self.stored_workspace_text().await?).ok()
    }

    /// The cells of the table matching `selector` that do not start where
    /// their column's heading starts, as "row 2, column 3", and rows with
    /// more or fewer cells than headings. Long lists lay their rows out one
    /// by one, not as one table.
    pub async fn misaligned_cells(&self, selector: &str) -> Vec<String> {
        let found = self
            .run(
                "const table = document.querySelector(arguments[0]); \
                 const columns = [...table.querySelectorAll('thead th')] \
                   .map(th => th.getBoundingClientRect().left); \
                 const wrong = []; \
                 table.querySelectorAll('tbody tr').forEach((tr, row) => { \
                   if (tr.children.length !== columns.length) \
                     wrong.push(`row ${row + 1} has ${tr.children.length} cells`); \
                   [...tr.children].forEach((cell, i) => { \
                     if (Math.abs(cell.getBoundingClientRect().left - columns[i]) > 0.5) \
                       wrong.push(`row ${row + 1}, column ${i + 1}`); }); }); \
                 return wrong;",
                vec![selector.into()],
            )
            .await;
        serde_json::from_value(found).expect("a list of cells")
    }

    /// The page's text as it is shown now (`innerText`: what is hidden,
    /// as by print media, is left out).
    pub async fn page_text(&self) -> String {
        self.run("return document.body.innerText;", vec![])
            .await
            .as_str()
            .expect("the page's text")
            .to_owned()
    }

    /// Runs JavaScript in the current tab and returns its result.
    pub async fn run(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The one element with `role` and `name` inside `scope` (such as a
    /// section found with [`App::section`]).
    pub async fn find_in(
        &self,
        scope: &Element,
        role: Role,
        name: Name<'_>,
    ) -> Result<Element, String> {
        let xpath = format!(".{}{}", role.xpath(), name.predicate());
        let mut found = scope
            .find_all(Locator::XPath(&xpath))
            .await
            .map_err(|e| e.to_string())?;
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(format!("no {role:?} {name:?} in that part of the page")),
            n => Err(format!(
                "{n} elements match {role:?} {name:?} there, expected one"
            )),
        }
    }

    /// The section (or other region) labelled by the heading that reads
    /// `heading`, through its `aria-labelledby`: the outermost, as a wide
    /// table's scrolling box inside it is named by the same heading.
    pub async fn section(&self, heading: &str) -> Result<Element, String> {
        let id = format!(
            "//*[self::h1 or self::h2 or self::h3][normalize-space(.) = {}]/@id",
            xpath_literal(heading)
        );
        let xpath =
            format!("//*[@aria-labelledby = {id}][not(ancestor::*[@aria-labelledby = {id}])]");
        self.only(&xpath, &format!("the section headed {heading:?}"))
            .await
    }

    /// The text of the description (`<dd>`) of the term (`<dt>`) `term`
    /// in a description list.
    pub async fn description_of(&self, term: &str) -> Result<String, String> {
        let xpath = format!(
            "//dt[normalize-space(.) = {}]/following-sibling::dd[1]",
            xpath_literal(term)
        );
        let dd = self
            .only(&xpath, &format!("the description of {term:?}"))
            .await?;
        dd.text().await.map_err(|e| e.to_string())
    }

    /// The text of every element the field labelled `label` names in its
    /// `aria-describedby`: its hint and its error message.
    pub async fn field_description(&self, label: &str) -> Result<Vec<String>, String> {
        let field = self.field(label).await?;
        let ids = field
            .attr("aria-describedby")
            .await
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("the {label} field has no aria-describedby"))?;
        let mut texts = Vec::new();
        for id in ids.split_whitespace() {
            let xpath = format!("//*[@id = {}]", xpath_literal(id));
            let element = self
                .only(
                    &xpath,
                    &format!("the element {id:?} that {label} refers to"),
                )
                .await?;
            texts.push(element.text().await.map_err(|e| e.to_string())?);
        }
        Ok(texts)
    }

    /// Waits until the field labelled `label` is marked invalid with a
    /// message containing `message` among the texts its `aria-describedby`
    /// names: refused input, said beside the field at fault.
    pub async fn wait_for_refusal(&self, label: &str, message: &str) {
        wait_until(&format!("{label} says {message:?} beside it"), async || {
            let field = self.field(label).await?;
            let invalid = field
                .attr("aria-invalid")
                .await
                .map_err(|e| e.to_string())?;
            let described = self.field_description(label).await?;
            if invalid.as_deref() == Some("true") && described.iter().any(|t| t.contains(message)) {
                Ok(())
            } else {
                Err(format!(
                    "aria-invalid is {invalid:?} and it is described by {described:?}"
                ))
            }
        })
        .await;
    }

    /// Sets the field labelled `label` to `value` and tells the page, as the
    /// browser does when a person picks a value from a control's own widget
    /// (a date picker): typing into `<input type="date">` depends on the
    /// browser's locale, so the value is set directly.
    pub async fn pick_value(&self, label: &str, value: &str) {
        let field = wait_until(&format!("the {label} field is there"), async || {
            self.field(label).await
        })
        .await;
        let id = field
            .attr("id")
            .await
            .expect("the field's id")
            .expect("a labelled field has an id");
        self.run(
            "const field = document.getElementById(arguments[0]);\n\
             field.focus();\n\
             field.value = arguments[1];\n\
             if (field.value !== arguments[1]) throw new Error('the field refused ' + arguments[1]);\n\
             field.dispatchEvent(new Event('input', { bubbles: true }));\n\
             field.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(id), json!(value)],
        )
        .await;
    }

    /// The names of the links in the main navigation, in order.
    pub async fn navigation_links(&self) -> Vec<String> {
        let links = self
            .client()
            .find_all(Locator::XPath("//nav//a[@href]"))
            .await
            .expect("the navigation's links");
        let mut names = Vec::new();
        for link in links {
            names.push(link.text().await.expect("a link's text"));
        }
        names
    }

    /// The text of the save state in the footer's "Storage status" list
    /// (other `role="status"` elements exist on some screens).
    pub async fn save_status(&self) -> Result<String, String> {
        // Found by its place, not its label: the label is in the page's
        // language.
        let status = self
            .only(
                "//*[contains(concat(' ', @class, ' '), ' status-line ')]//*[@role = 'status']",
                "save state in the status line",
            )
            .await?;
        status.text().await.map_err(|e| e.to_string())
    }

    /// Waits until the status line says every change is saved and the
    /// stored workspace passes `check`, and returns what `check` gave.
    /// Both are checked: the status line alone may still show an earlier
    /// save, and storage alone may hold a save still being superseded.
    pub async fn wait_until_stored<T>(
        &self,
        what: &str,
        mut check: impl FnMut(&Value) -> Result<T, String>,
    ) -> T {
        wait_until(what, async || {
            let status = self.save_status().await?;
            let stored = self.stored_workspace().await.unwrap_or_default();
            let checked = check(&stored);
            match checked {
                Ok(value) if saved(&status) => Ok(value),
                Ok(_) => Err(format!("the status line says {status:?}")),
                Err(seen) => Err(format!("{seen} (the status line says {status:?})")),
            }
        })
        .await
    }

    /// Writes `workspace` (a whole stored envelope) to localStorage and
    /// reloads, so the app opens with it, on the route in the address bar.
    pub async fn load_workspace(&self, workspace: &Value) {
        self.store(super::WORKSPACE_KEY, &workspace.to_string())
            .await;
        self.reload().await;
    }

    /// Prints the current page to PDF on paper of `size` (centimetres), at
    /// 100 %, as a person does from the browser, and returns the PDF.
    pub async fn print_pdf(&self, size: PrintSize) -> Vec<u8> {
        let configuration = PrintConfiguration::builder()
            .size(size.clone())
            // The page must fit as it is, not because it was shrunk.
            .shrink_to_fit(false)
            .build()
            .expect("a valid print configuration");
        self.client()
            .print(configuration)
            .await
            .unwrap_or_else(|e| panic!("cannot print the page on {size:?}: {e}"))
    }

    /// Runs the DevTools command `command` with `params` (see
    /// [`Browser::cdp`]) and returns its result.
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        self.browser.cdp(command, params)
    }

    /// Makes the page use its print style sheet on screen (`media: print`)
    /// or its normal one again (`media: ""`), through DevTools.
    pub fn emulate_media(&self, media: &str) {
        self.browser
            .cdp("Emulation.setEmulatedMedia", json!({ "media": media }));
    }

    /// The one element `xpath` selects, or an error naming `what`.
    async fn only(&self, xpath: &str, what: &str) -> Result<Element, String> {
        let mut found = self
            .client()
            .find_all(Locator::XPath(xpath))
            .await
            .map_err(|e| e.to_string())?;
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(format!("no {what} on the page")),
            n => Err(format!("{n} elements match {what}, expected one")),
        }
    }
}

/// How many pages a PDF has (its `/Type /Page` objects).
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let mut pages = 0;
    let mut rest = pdf;
    while let Some(at) = rest.windows(5).position(|w| w == b"/Type") {
        rest = &rest[at + 5..];
        let after = rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&[][..], |start| &rest[start..]);
        if after.starts_with(b"/Page") && after.get(5) != Some(&b's') {
            pages += 1;
        }
    }
    pages
}

/// Whether the status line says every change is saved, in either language.
fn saved(status: &str) -> bool {
    let polish = super::catalogue::pl("shell_status_saved");
    let polish = polish.split("{when}").next().unwrap_or_default();
    status.starts_with("All changes saved") || status.starts_with(polish)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xpath_literals_quote_any_text() {
        assert_eq!(xpath_literal("Data & backup"), "'Data & backup'");
        assert_eq!(xpath_literal("it's"), "\"it's\"");
        assert_eq!(xpath_literal(r#"a'b"c"#), r#"concat('a', "'", 'b"c')"#);
    }
}
