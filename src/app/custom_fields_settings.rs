//! The fields the team adds to every profile (see
//! [`crate::domain::custom_field`]): add, rename, list a choice's options,
//! remove.

use super::fields::{CheckedInput, ChoiceInput, locked};
use super::held::Held;
use super::state::use_app_store;
use crate::app::derived::Derived;
use crate::domain::CustomFieldId;
use crate::domain::custom_field::{CustomField, FieldKind};
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// The "Fields of your own" section of Data & backup.
#[component]
pub fn CustomFieldsSettings() -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    // Only adding or removing a field draws the list again; renaming one
    // changes its own row.
    let ids = Derived::new(move || {
        store.workspace.with(|w| {
            w.settings
                .custom_fields
                .iter()
                .map(|f| f.id)
                .collect::<Vec<_>>()
        })
    });
    let name = Held::new(String::new());
    let kind = Held::new(FieldKind::Text);
    let error = Held::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let mut added = Err(crate::domain::input::InputError::Required);
        store
            .workspace
            .update(|w| added = w.add_custom_field(&typed, kind.get_untracked()));
        match added {
            Ok(_) => {
                name.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <section aria-labelledby="custom-fields-heading">
            <h2 id="custom-fields-heading">{tv!(data_custom_fields_heading)}</h2>
            <p>{tv!(data_custom_fields_intro)}</p>
            {move || ids.get().into_iter().map(|id| view! { <CustomFieldRow id/> }).collect_view()}
            <form class="add-custom-field" on:submit=add>
                <div class="field">
                    <label for="new-custom-field">{tv!(data_custom_field_new_name)}</label>
                    <input id="new-custom-field" type="text" disabled=locked prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="new-custom-field-error" />
                    <p class="field-error" id="new-custom-field-error" aria-live="polite">{move || error.get()}</p>
                </div>
                <ChoiceInput label=t!(data_custom_field_kind) id="new-custom-field-kind" value=Signal::derive(move || kind.get()) on_change=Callback::new(move |k| kind.set(k)) />
                <button type="submit" disabled=locked>{tv!(data_custom_field_add)}</button>
            </form>
        </section>
    }
}

/// One field: its name, its kind, a choice's options, and removing it.
#[component]
fn CustomFieldRow(
    /// The field.
    id: CustomFieldId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let start = store
        .workspace
        .with_untracked(|w| w.custom_field(id).cloned())
        .unwrap_or_default();
    let name = move || {
        store
            .workspace
            .with(|w| w.custom_field(id).map(|f| f.name.clone()))
            .unwrap_or_default()
    };
    let rename = Callback::new(move |typed: String| {
        let mut done = Ok(());
        store
            .workspace
            .update(|w| done = w.rename_custom_field(id, &typed));
        done.err().map(|e| e.to_string())
    });
    let set_options =
        Callback::new(
            move |typed: String| match CustomField::parse_options(&typed) {
                Ok(options) => {
                    store.workspace.update(|w| {
                        if let Some(f) = w.settings.custom_fields.iter_mut().find(|f| f.id == id) {
                            f.options = options;
                        }
                    });
                    None
                }
                Err(e) => Some(e.to_string()),
            },
        );
    let remove = move |_| {
        let (name, values) = store.workspace.with_untracked(|w| {
            (
                w.custom_field(id)
                    .map(|f| f.name.clone())
                    .unwrap_or_default(),
                w.custom_values(id),
            )
        });
        let question = tn!(data_custom_field_remove_confirm, values, name = name);
        if window().confirm_with_message(&question).unwrap_or(false) {
            store.workspace.update(|w| w.remove_custom_field(id));
        }
    };
    let field_id = format!("custom-field-{id}");
    view! {
        <fieldset class="custom-field">
            <legend>{name}</legend>
            <CheckedInput label=t!(data_custom_field_name) id=format!("{field_id}-name") initial=start.name.clone() apply=rename />
            <p class="meta">{t!(data_custom_field_holds, kind = start.kind.label())}</p>
            {(start.kind == FieldKind::Choice).then(|| view! {
                <CheckedInput label=t!(data_custom_field_options) id=format!("{field_id}-options") multiline=true
                    initial=start.options.join("\n") apply=set_options hint=t!(data_custom_field_options_hint) />
            })}
            <button type="button" class="secondary" disabled=locked on:click=remove
                aria-label=move || t!(data_custom_field_remove_label, name = name())>{tv!(data_custom_field_remove)}</button>
        </fieldset>
    }
}
