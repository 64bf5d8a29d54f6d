//! A section of repeatable rows (people, addresses, steps) with add and
//! remove buttons.

use super::access::{ProfileAccess, Row, RowAccess, add_row, row_ids};
use crate::app::state::AppStore;
use crate::domain::ProfileId;
use leptos::prelude::*;
use std::sync::Arc;
use uuid::Uuid;

/// One kind of row, as the list needs it: its ids, how to add and remove
/// one, and how to draw one's fields. The row type is erased here, so the
/// list itself is compiled once instead of once per kind of row (six copies
/// of the list's keyed drawing cost about 40 KB of wasm).
#[derive(Clone)]
pub struct RowFields {
    ids: fn(AppStore, ProfileId) -> Vec<Uuid>,
    add: fn(AppStore, ProfileId) -> Uuid,
    remove: fn(AppStore, ProfileId, Uuid),
    draw: Arc<dyn Fn(AppStore, ProfileId, Uuid) -> AnyView + Send + Sync>,
}

/// The rows of type `T`, each drawn by `draw`.
pub fn row_fields<T: Row, V: IntoView + 'static>(
    draw: impl Fn(RowAccess<T>) -> V + Send + Sync + 'static,
) -> RowFields {
    RowFields {
        ids: |store, profile| {
            row_ids::<T>(store, profile)
                .into_iter()
                .map(T::key)
                .collect()
        },
        add: |store, profile| T::key(add_row::<T>(store, profile)),
        remove: |store, profile, key| RowAccess::<T>::new(store, profile, T::id_of(key)).remove(),
        draw: Arc::new(move |store, profile, key| {
            draw(RowAccess::new(store, profile, T::id_of(key))).into_any()
        }),
    }
}

/// A titled list of rows, each drawn by `row`, with a button that adds one.
/// Focus moves to the new row's first field so typing can start at once.
#[component]
pub fn RowList(
    /// The profile being edited.
    profile: ProfileAccess,
    /// The section heading.
    title: &'static str,
    /// What "Add …" adds, such as "person".
    noun: &'static str,
    /// Shown when there are no rows.
    empty: &'static str,
    /// The kind of row and how to draw one.
    row: RowFields,
) -> impl IntoView {
    let heading_id = format!("{}-heading", noun.replace(' ', "-"));
    let labelled_by = heading_id.clone();
    let ProfileAccess { store, id: profile } = profile;
    let locked = crate::app::fields::locked();
    let RowFields {
        ids,
        add,
        remove,
        draw,
    } = row;
    let ids = move || ids(store, profile);
    let add = move |_| {
        let key = add(store, profile);
        // Focus the first field of the new row once it is drawn.
        request_animation_frame(move || {
            let selector = format!("[data-row=\"{key}\"] input, [data-row=\"{key}\"] textarea");
            if let Ok(Some(field)) = document().query_selector(&selector)
                && let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field)
            {
                let _ = field.focus();
            }
        });
    };
    let draw_row = move |key: Uuid| {
        view! {
            <li class="row" data-row=key.to_string()>
                {draw(store, profile, key)}
                <button type="button" class="secondary remove" disabled=locked
                    aria-label=format!("Remove this {noun}")
                    on:click=move |_| remove(store, profile, key)>"Remove"</button>
            </li>
        }
    };
    view! {
        <section aria-labelledby=labelled_by class="editor-section">
            <h2 id=heading_id>{title}</h2>
            <Show when=move || !ids().is_empty() fallback=move || view! { <p class="hint">{empty}</p> }>
                <ul class="rows">
                    <For each=ids key=|key| *key children=draw_row.clone() />
                </ul>
            </Show>
            <button type="button" class="secondary" disabled=locked on:click=add>{format!("Add {noun}")}</button>
        </section>
    }
}
