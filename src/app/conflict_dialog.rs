//! The choice offered when another tab saved while this one had changes.

use super::download::download_workspace;
use super::state::use_app_store;
use super::time_text::local_date_time;
use super::use_persistence;
use crate::messages;
use crate::t;
use crate::tv;
use leptos::html::Button;
use leptos::prelude::*;

/// Asks which version to keep; nothing is dropped until the user chooses.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let store = use_app_store();
    let persistence = use_persistence();
    let first_button = NodeRef::<Button>::new();
    // An alert dialog takes focus when it appears.
    Effect::new(move |_| {
        if store.conflict.with(Option::is_some)
            && let Some(button) = first_button.get()
        {
            let _ = button.focus();
        }
    });

    move || {
        let theirs = store.conflict.get()?;
        let ours = store.workspace.with(|w| w.name.clone());
        Some(view! {
            <div
                class="notice conflict"
                role="alertdialog"
                aria-labelledby="conflict-title"
                aria-describedby="conflict-text"
            >
                <h2 id="conflict-title">{tv!(shell_conflict_title)}</h2>
                <p id="conflict-text">{messages::conflict()}</p>
                <ul class="conflict-versions">
                    <li>{t!(shell_conflict_this_tab, name = ours)}</li>
                    <li>
                        {t!(
                            shell_conflict_other_tab,
                            name = theirs.name,
                            when = local_date_time(theirs.updated_at)
                        )}
                    </li>
                </ul>
                <div class="notice-actions">
                    <button type="button" node_ref=first_button on:click=move |_| persistence.keep_this_tab()>
                        {tv!(shell_keep_this_tab)}
                    </button>
                    <button type="button" on:click=move |_| persistence.take_other_tab()>
                        {tv!(shell_keep_other_tab)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| download_workspace(store)>
                        {tv!(shell_download_this_tab)}
                    </button>
                </div>
            </div>
        })
    }
}
