//! The harness of the end-to-end tests: a static server for `dist/`, a
//! headless Chromium, and helpers that find controls the way a person
//! does (by label, role and name) and wait for conditions by polling.

mod axe;
mod browser;
pub mod catalogue;
mod keyboard;
mod page;
mod server;

pub use axe::{NARROW, WIDE};
pub use page::{App, Name, Role, pdf_pages};
pub use server::Link;

/// The example workspace of `public/example.clientele.json`, as stored data
/// (its file `kind` left out): two customers, a prospect, a worksheet and
/// the default scoring model.
pub fn example_workspace() -> serde_json::Value {
    let text = include_str!("../../../public/example.clientele.json");
    let mut example: serde_json::Value = serde_json::from_str(text).expect("the example is JSON");
    example.as_object_mut().unwrap().remove("kind");
    example
}

use std::time::{Duration, Instant};

/// The longest any condition is waited for. Generous, because a loaded
/// machine may be slow; a passing wait returns as soon as it holds.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often a condition is checked while waiting.
const POLL: Duration = Duration::from_millis(50);

/// The localStorage key of the workspace, as the README documents it.
pub const WORKSPACE_KEY: &str = "clientele.v1.workspace";

/// The prefix of the keys that hold stored text the app could not read.
pub const QUARANTINE_PREFIX: &str = "clientele.v1.quarantine.";

/// A stored workspace envelope, as the app writes it: schema version 1,
/// workspace `id` and `name`, and the records in `records` (an object such
/// as `{"profiles": [...], "worksheets": [...]}`) merged into its `data`.
pub fn workspace_envelope(id: &str, name: &str, records: serde_json::Value) -> serde_json::Value {
    let mut envelope = serde_json::json!({
        "format": "clientele",
        "schema_version": 1,
        "exported_at": "2026-11-01T09:00:00.000Z",
        "app_version": "0.1.0",
        "data": {
            "id": id,
            "name": name,
            "created_at": "2026-01-05T09:00:00.000Z",
            "updated_at": "2026-11-01T09:00:00.000Z",
            "revision": 3,
        }
    });
    for (key, value) in records.as_object().expect("records are an object") {
        envelope["data"][key] = value.clone();
    }
    envelope
}

/// The app's save delay: a change reaches storage this long after the last
/// keystroke. The app's own constant, so the two cannot drift apart.
pub const SAVE_DELAY: Duration = clientele::app::persistence::SAVE_DELAY;

/// Checks `condition` until it gives `Ok`, and returns that value; panics
/// after [`TIMEOUT`] with `what` and the last `Err`, which describes what
/// was seen instead.
pub async fn wait_until<T>(what: &str, mut condition: impl AsyncFnMut() -> Result<T, String>) -> T {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match condition().await {
            Ok(value) => return value,
            Err(seen) if Instant::now() >= deadline => {
                panic!("waited {TIMEOUT:?} until {what}, but it did not happen: {seen}")
            }
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
}

/// Checks that `condition` gives `Ok` now and keeps giving it for `period`;
/// panics with `what` and the `Err` the moment it does not. For what must
/// *not* happen: there is no event to wait for, so the test watches for a
/// bounded period, long enough for the unwanted thing to have happened (the
/// caller says why its period suffices).
pub async fn stays_for(
    what: &str,
    period: Duration,
    mut condition: impl AsyncFnMut() -> Result<(), String>,
) {
    let start = Instant::now();
    loop {
        if let Err(seen) = condition().await {
            panic!("{what}: no longer so after {:?}: {seen}", start.elapsed());
        }
        if start.elapsed() >= period {
            return;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// An environment variable, or `default` when it is unset.
fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}
