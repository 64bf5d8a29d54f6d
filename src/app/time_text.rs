//! Times shown to people, in their own time zone and in the interface's
//! language.

use crate::domain::Timestamp;
use crate::i18n::Language;
use wasm_bindgen::JsValue;

fn js_date(at: Timestamp) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(at.millis() as f64))
}

/// The locale the browser writes dates and times in: the browser's own for
/// English, as always, and Polish when the interface is Polish.
fn locale() -> &'static str {
    match crate::i18n::language() {
        Language::English => "default",
        Language::Polish => "pl-PL",
    }
}

/// The time of day alone when `at` is today, otherwise the date and time.
pub fn local_time_or_date(at: Timestamp) -> String {
    let date = js_date(at);
    let today = js_sys::Date::new_0();
    if date.to_date_string() == today.to_date_string() {
        String::from(date.to_locale_time_string(locale()))
    } else {
        local_date_time(at)
    }
}

/// The date and time of `at`.
pub fn local_date_time(at: Timestamp) -> String {
    String::from(js_date(at).to_locale_string(locale(), &JsValue::UNDEFINED))
}
