//! The file picker for imports.

use super::{input_files, open_files};
use crate::app::state::use_app_store;
use crate::tv;
use leptos::prelude::*;

/// A labelled file input that opens the import preview for the chosen
/// files (several at once, such as every survey answer).
#[component]
pub fn FilePicker() -> impl IntoView {
    let store = use_app_store();
    view! {
        <p class="file-picker">
            <label for="import-files">{tv!(data_file_picker_label)}</label>
            <input
                id="import-files"
                type="file"
                multiple
                accept=".json,.csv,application/json,text/csv"
                aria-describedby="import-files-hint"
                disabled=move || !store.is_editable()
                on:change=move |ev| open_files(store, input_files(&ev))
            />
            <span id="import-files-hint" class="hint">{tv!(data_file_picker_hint)}</span>
        </p>
    }
}
