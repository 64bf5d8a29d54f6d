//! The page header: the product name, the workspace name and the
//! language switch.
//!
//! The header stays on the page when the language changes (the rest of the
//! page is drawn again), so its own texts follow the language reactively
//! and the switch keeps the focus.

use super::state::use_app_store;
use crate::app::held::Held;
use crate::domain::Workspace;
use crate::i18n::Language;
use crate::t;
use leptos::prelude::*;

/// The header landmark with the product name, the editable workspace name
/// and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <p class="brand">"Clientele"</p>
            <WorkspaceNameField/>
            <LanguageSwitch/>
        </header>
    }
}

/// Polski / English: each language named in itself (and marked with its
/// `lang`, so a screen reader says it right), the label in the language
/// shown.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let store = use_app_store();
    let on_change = move |ev| {
        if let Some(language) = Language::from_code(&event_target_value(&ev)) {
            store.choose_language(language);
        }
    };
    view! {
        <div class="language-switch">
            <label for="language">{move || store.in_language(|| t!(shell_language_switch))}</label>
            <select id="language" on:change=on_change>
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <option
                                value=language.code()
                                lang=language.code()
                                selected=move || store.language.get() == language
                            >
                                {language.name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
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
            <label for="workspace-name">
                {move || store.in_language(|| t!(shell_workspace_name))}
            </label>
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
