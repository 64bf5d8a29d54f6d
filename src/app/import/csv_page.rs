//! The column mapping of a CSV file from a CRM.

use crate::app::state::use_app_store;
use leptos::prelude::*;

/// The "Import a CSV file" screen.
#[component]
pub fn CsvImportPage() -> impl IntoView {
    let store = use_app_store();
    view! {
        <h1 tabindex="-1">"Import a CSV file"</h1>
        <p>{move || store.csv_file.with(|f| f.as_ref().map(|f| f.name.clone()))}</p>
    }
}
