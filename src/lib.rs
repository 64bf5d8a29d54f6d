//! Clientele: customer profiles, Ideal Customer Profile worksheets and prospect
//! scoring for small B2B sales teams, kept entirely in the browser.
//!
//! Layers, from the inside out:
//! - [`i18n`]: the languages and every text of the interface, below all;
//! - [`domain`]: plain types and rules, no browser code, tested natively;
//! - [`format`]: the one door in and out for saved data (files and storage);
//! - [`storage`]: the only code that touches `localStorage`;
//! - [`messages`]: every sentence a user reads about a failure;
//! - [`app`]: the Leptos user interface.

pub mod app;
pub mod domain;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod storage;

/// Mounts the application into `<body>`, then removes the loading screen
/// that `index.html` shows until now (in the same task, so no frame is
/// drawn with both or neither).
pub fn start() {
    leptos::mount::mount_to_body(app::App);
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
}
