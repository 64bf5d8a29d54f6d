//! The banner that undoes the last import.

use super::undo_import;
use crate::app::state::use_app_store;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// Offers to undo the last import, until dismissed.
#[component]
pub fn UndoImport() -> impl IntoView {
    let store = use_app_store();
    let locked = crate::app::fields::locked();
    move || {
        let files = store
            .import_undo
            .with(|u| u.as_ref().map(|u| u.files.join(", ")))?;
        Some(view! {
            <div class="notice info">
                <p>{t!(data_undo_imported, files = files)}</p>
                <div class="notice-actions">
                    <button type="button" disabled=locked on:click=move |_| undo_import(store)>
                        {tv!(data_undo_button)}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=t!(data_undo_dismiss_label, files = files)
                        on:click=move |_| store.import_undo.set(None)
                    >
                        {tv!(data_undo_dismiss)}
                    </button>
                </div>
            </div>
        })
    }
}
