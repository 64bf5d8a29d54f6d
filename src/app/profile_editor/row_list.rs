//! A section of repeatable rows (people, addresses, steps) with add and
//! remove buttons.

use super::access::{ProfileAccess, Row, RowAccess, add_row, row_ids};
use leptos::prelude::*;
use std::sync::Arc;

/// Draws the fields of one row.
pub type RowFields<T> = Arc<dyn Fn(RowAccess<T>) -> AnyView + Send + Sync>;

/// Wraps a closure that draws a row's fields as [`RowFields`].
pub fn row_fields<T: Row, V: IntoView + 'static>(
    draw: impl Fn(RowAccess<T>) -> V + Send + Sync + 'static,
) -> RowFields<T> {
    Arc::new(move |row| draw(row).into_any())
}

/// A titled list of rows, each drawn by `row`, with a button that adds one.
/// Focus moves to the new row's first field so typing can start at once.
#[component]
pub fn RowList<T: Row>(
    /// The profile being edited.
    profile: ProfileAccess,
    /// The section heading.
    title: &'static str,
    /// What "Add …" adds, such as "person".
    noun: &'static str,
    /// Shown when there are no rows.
    empty: &'static str,
    /// Draws one row's fields.
    row: RowFields<T>,
) -> impl IntoView {
    let heading_id = format!("{}-heading", noun.replace(' ', "-"));
    let labelled_by = heading_id.clone();
    let store = profile.store;
    let locked = crate::app::fields::locked();
    let ids = move || row_ids::<T>(store, profile.id);
    let add = move |_| {
        let id = add_row::<T>(store, profile.id);
        // Focus the first field of the new row once it is drawn.
        request_animation_frame(move || {
            let selector = format!("[data-row=\"{id}\"] input, [data-row=\"{id}\"] textarea");
            if let Ok(Some(field)) = document().query_selector(&selector)
                && let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field)
            {
                let _ = field.focus();
            }
        });
    };
    let draw = move |id: T::Id| {
        let access = RowAccess::<T>::new(store, profile.id, id);
        view! {
            <li class="row" data-row=id.to_string()>
                {row(access)}
                <button type="button" class="secondary remove" disabled=locked
                    aria-label=format!("Remove this {noun}")
                    on:click=move |_| access.remove()>"Remove"</button>
            </li>
        }
    };
    view! {
        <section aria-labelledby=labelled_by class="editor-section">
            <h2 id=heading_id>{title}</h2>
            <Show when=move || !ids().is_empty() fallback=move || view! { <p class="hint">{empty}</p> }>
                <ul class="rows">
                    <For each=ids key=|id| *id children=draw.clone() />
                </ul>
            </Show>
            <button type="button" class="secondary" disabled=locked on:click=add>{format!("Add {noun}")}</button>
        </section>
    }
}
