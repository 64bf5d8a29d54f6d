//! The page header: the product name and the workspace name.

use super::state::use_app_store;
use crate::app::held::Held;
use crate::domain::Workspace;
use leptos::prelude::*;

/// The header landmark with the product name and the editable workspace name.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <p class="brand">"Clientele"</p>
            <WorkspaceNameField/>
        </header>
    }
}

/// The workspace name, editable in place. A name that is refused stays in
/// the field, with the reason beside it, until it is corrected; the saved
/// name is only changed by a valid one.
#[component]
fn WorkspaceNameField() -> impl IntoView {
    let store = use_app_store();
    let typed = Held::new(store.workspace.with_untracked(|w| w.name.clone()));
    let error = Held::new(None::<String>);

    // Show a name that changed elsewhere (another tab), unless the field
    // holds something the user is still correcting.
    Effect::new(move |_| {
        let name = store.workspace.with(|w| w.name.clone());
        if error.get_untracked().is_some() {
            return;
        }
        let shown = typed.with_untracked(|t| Workspace::validate_name(t).ok());
        if shown.as_deref() != Some(name.as_str()) {
            typed.set(name);
        }
    });

    let on_input = move |ev| {
        let text = event_target_value(&ev);
        match Workspace::validate_name(&text) {
            Ok(name) => {
                error.set(None);
                if store.workspace.with_untracked(|w| w.name != name) {
                    store.workspace.update(|w| w.name = name);
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
        typed.set(text);
    };

    view! {
        <div class="workspace-name">
            <label for="workspace-name">"Workspace"</label>
            <input
                id="workspace-name"
                type="text"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || typed.get()
                on:input=on_input
                disabled=move || !store.is_editable()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby="workspace-name-error"
            />
            <p id="workspace-name-error" class="field-error" aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
