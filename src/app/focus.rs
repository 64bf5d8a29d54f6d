//! Where keyboard focus goes when what had it changes: a new screen, a new
//! or restored row, a button that removed itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector`; whether there was one.
pub fn focus_first(selector: &str) -> bool {
    let found = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match found {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Focuses the screen's main heading, or the main area if it has none.
pub fn focus_main_heading() {
    if !focus_first("main h1") {
        focus_first("#main");
    }
}

/// A button that removes itself (Dismiss, Undo, a dialog's answer, "Show
/// all") would leave focus on the page's body, and keyboard users would
/// start again from the top: focus then goes to the screen's heading.
pub fn keep_focus_when_a_button_goes() {
    let listener = window_event_listener(leptos::ev::click, move |ev| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten())
        else {
            return;
        };
        // Two frames: the page is drawn, and any focus the button's own
        // action gives (such as to an Undo button) has been given.
        request_animation_frame(move || {
            request_animation_frame(move || {
                let on_body = document()
                    .active_element()
                    .is_none_or(|e| document().body().is_some_and(|b| e == *b));
                if !button.is_connected() && on_body {
                    focus_main_heading();
                }
            })
        });
    });
    on_cleanup(move || listener.remove());
}
