//! The values of the fields the team added to every profile (Data &
//! backup, "Fields of your own"): one input each, by the field's kind.

use super::access::{ProfileAccess, edit_profile};
use crate::app::derived::Derived;
use crate::app::fields::{CheckedInput, ChoiceList};
use crate::app::route::Route;
use crate::domain::CustomFieldId;
use crate::domain::custom_field::{CustomField, FieldKind};
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The "Fields of your own" section; nothing while the workspace has none.
#[component]
pub fn CustomSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    let store = profile.store;
    // Drawn again when a field is added, renamed or removed, never while
    // a value is typed.
    let fields = Derived::new(move || store.workspace.with(|w| w.settings.custom_fields.clone()));
    move || {
        let fields = fields.get();
        (!fields.is_empty()).then(|| {
            view! {
                <section aria-labelledby="custom-heading" class="editor-section">
                    <h2 id="custom-heading">{tv!(profile_fields_of_your_own)}</h2>
                    <p class="hint">{tv!(profile_editor_custom_hint)}" "
                        <a href=Route::Data.href()>{tv!(profile_editor_custom_hint_link)}</a>"."</p>
                    <div class="field-grid">
                        {fields.into_iter().map(|f| value_input(profile, f)).collect_view()}
                    </div>
                </section>
            }
        })
    }
}

/// Stores `value` as the profile's value of `field` (blank: none).
fn store_value(profile: ProfileAccess, id: CustomFieldId, value: String) {
    edit_profile(profile.store, profile.id, |p| {
        if value.is_empty() {
            p.custom.remove(&id);
        } else {
            p.custom.insert(id, value);
        }
    });
}

/// The input of one field: a list of its options for a choice, a checked
/// text input otherwise.
fn value_input(profile: ProfileAccess, field: CustomField) -> AnyView {
    let id = field.id;
    let element_id = format!("custom-{id}");
    let stored = move || profile.watch.read(|p| p.custom.get(&id).cloned()).flatten();
    if field.kind == FieldKind::Choice {
        let mut options = vec![(String::new(), "—".to_owned())];
        options.extend(field.options.iter().map(|o| (o.clone(), o.clone())));
        // A value that is no longer an option stays chosen, as written,
        // until another is picked.
        if let Some(value) = untrack(stored).filter(|v| !field.options.contains(v)) {
            options.push((value.clone(), value));
        }
        let values: Vec<String> = options.iter().map(|(v, _)| v.clone()).collect();
        let chosen = Signal::derive(move || {
            let value = stored().unwrap_or_default();
            values.iter().position(|v| *v == value)
        });
        let keys: Vec<String> = options.iter().map(|(v, _)| v.clone()).collect();
        let pick = Callback::new(move |index: usize| {
            store_value(profile, id, keys.get(index).cloned().unwrap_or_default())
        });
        let label = Signal::stored(field.name.clone());
        return view! { <ChoiceList label id=element_id options chosen pick /> }.into_any();
    }
    let label = field.name.clone();
    let kind = match field.kind {
        FieldKind::Date => "date",
        _ => "text",
    };
    let hint = (field.kind == FieldKind::Number).then(|| t!(profile_editor_custom_number_hint));
    let initial = untrack(stored).unwrap_or_default();
    let apply = Callback::new(move |typed: String| match field.read(&typed) {
        Ok(value) => {
            store_value(profile, id, value);
            None
        }
        Err(e) => Some(e.to_string()),
    });
    match hint {
        Some(hint) => {
            view! { <CheckedInput label id=element_id kind initial apply hint /> }.into_any()
        }
        None => view! { <CheckedInput label id=element_id kind initial apply /> }.into_any(),
    }
}
