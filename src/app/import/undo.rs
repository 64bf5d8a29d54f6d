//! The banner that undoes the last import.

use super::undo_import;
use crate::app::state::use_app_store;
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
                <p>
                    {format!("Imported {files}. ")}
                    "Undo puts the workspace back as it was just before the import (changes made "
                    "since are undone too)."
                </p>
                <div class="notice-actions">
                    <button type="button" disabled=locked on:click=move |_| undo_import(store)>
                        "Undo import"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Dismiss: imported {files}")
                        on:click=move |_| store.import_undo.set(None)
                    >
                        "Dismiss"
                    </button>
                </div>
            </div>
        })
    }
}
