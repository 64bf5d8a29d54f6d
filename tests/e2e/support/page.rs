//! [`App`]: the built app served to a fresh headless Chromium, with helpers
//! that use the page the way a person does. Controls are found by their
//! label, or by role and accessible name, never by CSS class or layout, so
//! that the tests also check that the page can be used with a screen reader,
//! and survive a restyle.

use super::browser::Browser;
use super::server::{Served, StaticServer};
use super::{env_or, wait_until};
use fantoccini::elements::Element;
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
}

impl App {
    /// Serves `DIST_DIR` (default: `dist/` of this crate) and starts the
    /// browser, on no page yet.
    pub async fn start() -> Self {
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
        let browser = Browser::start().await;
        Self {
            browser,
            server,
            dist,
        }
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
    }

    /// Reloads the current tab and waits until the app is ready again.
    pub async fn reload(&self) {
        self.client().refresh().await.expect("the page reloads");
        self.wait_until_ready().await;
    }

    /// Waits until the app has started: the page header shows "Clientele"
    /// and the "Workspace" field is there. The page loads before the
    /// WebAssembly has run, so this must be polled.
    pub async fn wait_until_ready(&self) {
        wait_until(
            "the app shows its header and the Workspace field",
            async || {
                let banner = self.find(Role::Banner, Name::Any).await?;
                let text = banner.text().await.map_err(|e| e.to_string())?;
                if !text.contains("Clientele") {
                    return Err(format!("the header says {text:?}"));
                }
                self.field("Workspace").await.map(drop)
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

    /// The workspace stored under [`super::WORKSPACE_KEY`], parsed; `None`
    /// when nothing (or nothing readable) is stored.
    pub async fn stored_workspace(&self) -> Option<Value> {
        let text = self.stored(super::WORKSPACE_KEY).await?;
        serde_json::from_str(&text).ok()
    }

    /// Runs JavaScript in the current tab and returns its result.
    pub async fn run(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
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
