//! The overview: what this workspace is and how it is kept.

use super::download::download_workspace;
use super::route::Route;
use super::state::use_app_store;
use super::time_text::local_date_time;
use leptos::prelude::*;

/// The overview of the workspace.
#[component]
pub fn Home() -> impl IntoView {
    let store = use_app_store();
    let name = move || store.workspace.with(|w| w.name.clone());
    let created = move || store.workspace.with(|w| local_date_time(w.created_at));
    let saved = move || {
        store.workspace.with(|w| {
            if w.revision == 0 {
                "Not yet".to_owned()
            } else {
                local_date_time(w.updated_at)
            }
        })
    };
    view! {
        <h1 tabindex="-1">"Overview"</h1>
        <p class="lead">
            "Clientele helps a sales and marketing team decide whom to sell to: one-page customer "
            "profiles, the Ideal Customer Profile drawn from your best customers, and a scoring model "
            "that ranks customers and prospects. Everything stays in this browser; colleagues share "
            "work as files."
        </p>
        <section aria-labelledby="workspace-heading">
            <h2 id="workspace-heading">"This workspace"</h2>
            <dl class="facts">
                <dt>"Name"</dt>
                <dd>{name}</dd>
                <dt>"Created"</dt>
                <dd>{created}</dd>
                <dt>"Last saved"</dt>
                <dd>{saved}</dd>
            </dl>
            <p class="hint">"Rename the workspace in the field at the top of the page."</p>
        </section>
        <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Keep a backup"</h2>
            <p>
                "Browsers can clear a site's data, for example when space runs low or history is "
                "cleared. A file you download is your backup, and the way to pass your work to a colleague."
            </p>
            <p class="actions">
                <button type="button" on:click=move |_| download_workspace(store)>
                    "Download everything as a file"
                </button>
                <a href=Route::Data.href()>"More about your data"</a>
            </p>
        </section>
    }
}
