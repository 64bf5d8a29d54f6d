//! Which language the page opens in, and marking the page with it.

use crate::i18n::Language;
use crate::storage::BrowserStorage;
use leptos::prelude::document;

/// The language to open in: the one chosen in this browser, else the first
/// of the browser's preferred languages that Clientele speaks, else
/// English. Storage that cannot be read here is reported when the
/// workspace is opened, so it only falls back to the browser's languages.
pub fn opening_language() -> Language {
    let chosen = BrowserStorage::open()
        .and_then(|storage| storage.chosen_language())
        .ok()
        .flatten();
    chosen.unwrap_or_else(|| {
        let languages: Vec<String> = web_sys::window()
            .map(|w| w.navigator().languages().to_vec())
            .unwrap_or_default()
            .iter()
            .filter_map(|code| code.as_string())
            .collect();
        Language::preferred(languages.iter().map(String::as_str))
    })
}

/// Marks the page as written in `language` (`<html lang>`), so that
/// screen readers pronounce it and browsers hyphenate it as such.
pub fn show_language(language: Language) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", language.code());
    }
}
