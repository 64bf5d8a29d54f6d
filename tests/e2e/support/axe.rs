//! The automated accessibility audit: axe-core, injected by the test
//! driver into the page under test, run with the WCAG 2.2 AA rules.
//!
//! axe-core comes from the npm registry, pinned and installed by the
//! Makefile into the git-ignored `tools/` folder (`make tools-test`); it is
//! never part of `dist/`. The page's Content-Security-Policy forbids inline
//! scripts, but WebDriver's "execute script" runs through DevTools, which
//! the policy does not govern, so the script is read from disk and run
//! with it: the shipped policy stays as strict as it is.

use super::App;
use super::env_or;
use serde::Deserialize;
use serde_json::json;
use std::sync::OnceLock;

/// The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core
/// tags them. (2.2 added no level-A rule that axe-core checks.)
const WCAG_22_AA: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// Widths the audit runs at: a desktop window, and the 320 CSS pixels of
/// WCAG's reflow criterion (1.4.10), as on a small phone or at 400 % zoom.
pub const WIDE: u32 = 1280;
/// See [`WIDE`].
pub const NARROW: u32 = 320;

/// The text of `axe.min.js`, read once per test run.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = env_or(
            "AXE_CORE",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tools/axe-core/node_modules/axe-core/axe.min.js"
            ),
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("cannot read axe-core at {path} (run `make tools-test`, or set AXE_CORE): {e}")
        })
    })
}

/// One rule that failed, with the elements that fail it.
#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    #[serde(rename = "helpUrl")]
    help_url: String,
    nodes: Vec<Node>,
}

/// One element that fails a rule.
#[derive(Debug, Deserialize)]
struct Node {
    /// CSS selectors; more than one when the element is in a frame or a
    /// shadow root.
    target: Vec<serde_json::Value>,
    html: String,
    #[serde(rename = "failureSummary", default)]
    failure_summary: String,
}

impl Violation {
    /// "rule (impact): what it asks, on `screen`", then each element: its
    /// selector, its HTML and what is wrong with it.
    fn describe(&self, screen: &str) -> String {
        let mut text = format!(
            "{} ({}) on {screen}: {} <{}>",
            self.id,
            self.impact.as_deref().unwrap_or("no impact given"),
            self.help,
            self.help_url
        );
        for node in &self.nodes {
            let selector: Vec<String> = node
                .target
                .iter()
                .map(|t| t.as_str().map_or_else(|| t.to_string(), str::to_owned))
                .collect();
            text.push_str(&format!(
                "\n    at {}\n      {}\n      {}",
                selector.join(" >> "),
                node.html,
                node.failure_summary.replace('\n', "\n      ")
            ));
        }
        text
    }
}

impl App {
    /// Runs axe-core's WCAG 2.2 A and AA rules on the page as it is now and
    /// returns a description of each rule that fails, naming `screen`, the
    /// elements (selector and HTML) and what is wrong; empty when the page
    /// passes. axe-core is injected first if this document lacks it.
    pub async fn audit(&self, screen: &str) -> Vec<String> {
        self.audit_without(screen, &[]).await
    }

    /// Like [`App::audit`], leaving out the rules `skipped` (axe-core rule
    /// ids): only for a rule that cannot apply to what is audited, such as
    /// the size of pointer targets on paper.
    pub async fn audit_without(&self, screen: &str, skipped: &[&str]) -> Vec<String> {
        let loaded = self
            .run("return typeof window.axe === 'object';", vec![])
            .await;
        if loaded != json!(true) {
            // Run as the body of a function through DevTools: the page's
            // policy would refuse the same text in a script element.
            self.run(axe_source(), vec![]).await;
        }
        let rules: serde_json::Map<String, serde_json::Value> = skipped
            .iter()
            .map(|rule| (rule.to_string(), json!({ "enabled": false })))
            .collect();
        let result = self
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];\n\
                 axe.run(document, { runOnly: { type: 'tag', values: arguments[0] },\n\
                                     rules: arguments[1], resultTypes: ['violations'] })\n\
                   .then(r => done(r.violations), e => done({ error: String(e) }));",
                vec![json!(WCAG_22_AA), json!(rules)],
            )
            .await
            .unwrap_or_else(|e| panic!("axe-core did not run on {screen}: {e}"));
        if let Some(error) = result.get("error") {
            panic!("axe-core failed on {screen}: {error}");
        }
        let violations: Vec<Violation> = serde_json::from_value(result)
            .unwrap_or_else(|e| panic!("axe-core's answer on {screen} reads: {e}"));
        violations.iter().map(|v| v.describe(screen)).collect()
    }

    /// Sets the width of the page's viewport in CSS pixels, as a window or
    /// a phone of that size gives it (800 pixels high), through DevTools:
    /// exact, where a window's size would include its frame and be bounded
    /// by the browser. A vertical scroll bar takes its width from it.
    pub async fn set_width(&self, width: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
        );
        self.settle().await;
    }

    /// Whether the page's style sheets have colours of their own for
    /// `prefers-color-scheme: dark`, which then need an audit of their own.
    pub async fn offers_dark_colours(&self) -> bool {
        let offered = self
            .run(
                "const dark = rules => [...rules].some(r =>\n\
                   (r.media && /prefers-color-scheme:\\s*dark/.test(r.media.mediaText)) ||\n\
                   (r.conditionText && /prefers-color-scheme:\\s*dark/.test(r.conditionText)) ||\n\
                   (r.cssRules && dark(r.cssRules)));\n\
                 return [...document.styleSheets].some(s => dark(s.cssRules));",
                vec![],
            )
            .await;
        offered == json!(true)
    }

    /// Makes the page see `prefers-color-scheme: scheme` (`"dark"`,
    /// `"light"`, or `""` for the browser's own), through DevTools. Also
    /// ends any emulation of print media.
    pub fn emulate_color_scheme(&self, scheme: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        );
    }

    /// Whether the page scrolls sideways: WCAG's reflow criterion allows
    /// none at 320 CSS pixels, except for parts that need two dimensions
    /// (a wide table may scroll inside a box of its own). When it does,
    /// says by how much and which elements stick out of their parent past
    /// the right edge, leaving out what a scrolling box holds.
    pub async fn scrolls_sideways(&self) -> Option<String> {
        let found = self
            .run(
                "const root = document.documentElement;\n\
                 if (root.scrollWidth <= root.clientWidth) return null;\n\
                 const edge = root.clientWidth + 0.5;\n\
                 const past = e => e.getBoundingClientRect().right > edge;\n\
                 const inScroller = e => { for (let a = e.parentElement; a && a !== root; \
                   a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') \
                   return true; return false; };\n\
                 const out = [...document.body.querySelectorAll('*')]\n\
                   .filter(e => past(e) && !past(e.parentElement) && !inScroller(e))\n\
                   .slice(0, 5).map(e => e.outerHTML.slice(0, 200));\n\
                 return `the page is ${root.scrollWidth} px wide in a viewport of \
                   ${root.clientWidth} px; sticking out: ${out.join('\\n  ')}`;",
                vec![],
            )
            .await;
        found.as_str().map(str::to_owned)
    }
}
