//! A section of repeatable rows (people, addresses, steps) with add and
//! remove buttons, and an undo for the last removal.

use super::access::{ProfileAccess, Row, RowAccess, add_row, row_ids};
use crate::app::focus::focus_first;
use crate::app::held::Held;
use crate::app::keyed_list::keyed_list;
use crate::app::state::AppStore;
use crate::app::when::When;
use crate::domain::ProfileId;
use crate::t;
use crate::tv;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use uuid::Uuid;

/// Puts a removed row back where it was.
type PutBack = Arc<dyn Fn(AppStore, ProfileId) + Send + Sync>;

/// One kind of row, as the list needs it: its ids, how to add, name and
/// remove one, and how to draw one's fields. The row type is erased here, so
/// the list itself is compiled once instead of once per kind of row (six
/// copies of the list's keyed drawing cost about 40 KB of wasm).
#[derive(Clone)]
pub struct RowFields {
    ids: fn(ProfileAccess) -> Vec<Uuid>,
    add: fn(ProfileAccess) -> Uuid,
    caption: fn(ProfileAccess, Uuid) -> String,
    remove: fn(ProfileAccess, Uuid) -> Option<PutBack>,
    draw: Arc<dyn Fn(ProfileAccess, Uuid) -> AnyView + Send + Sync>,
}

/// The rows of type `T`, each drawn by `draw`.
pub fn row_fields<T: Row, V: IntoView + 'static>(
    draw: impl Fn(RowAccess<T>) -> V + Send + Sync + 'static,
) -> RowFields {
    RowFields {
        ids: |profile| row_ids::<T>(profile).into_iter().map(T::key).collect(),
        add: |profile| T::key(add_row::<T>(profile)),
        caption: |profile, key| access::<T>(profile, key).caption(),
        remove: |profile, key| {
            let (at, row) = access::<T>(profile, key).take()?;
            let put_back: PutBack = Arc::new(move |store, profile| {
                RowAccess::<T>::put_back(store, profile, at, row.clone());
            });
            Some(put_back)
        },
        draw: Arc::new(move |profile, key| draw(access(profile, key)).into_any()),
    }
}

fn access<T: Row>(profile: ProfileAccess, key: Uuid) -> RowAccess<T> {
    RowAccess::new(profile, T::id_of(key))
}

/// A removed row that can be put back.
#[derive(Clone)]
struct Removed {
    /// What named it ("Anna Nowak", or "this person" in the interface's
    /// language).
    name: String,
    /// Its key, to find it again once it is back.
    key: Uuid,
    put_back: PutBack,
}

/// Focuses the first field of row `key` once it is drawn.
fn focus_row(key: Uuid) {
    request_animation_frame(move || {
        focus_first(&format!(
            "[data-row=\"{key}\"] input, [data-row=\"{key}\"] textarea"
        ));
    });
}

/// A titled list of rows, each drawn by `row`, with a button that adds one.
/// Focus moves to the new row's first field so typing can start at once.
/// Removing a row can be undone until the next removal: focus moves to the
/// Undo button, and a status line says what was removed.
#[component]
pub fn RowList(
    /// The profile being edited.
    profile: ProfileAccess,
    /// The section heading.
    title: &'static str,
    /// What the section's ids start with, such as "person" (never shown).
    id: &'static str,
    /// The text of the button that adds a row, such as "Add person".
    add_label: &'static str,
    /// What names a row not named yet, such as "this person".
    unnamed: &'static str,
    /// Shown when there are no rows.
    empty: &'static str,
    /// The kind of row and how to draw one.
    row: RowFields,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let access = profile;
    let ProfileAccess {
        store, id: profile, ..
    } = access;
    let locked = crate::app::fields::locked();
    let RowFields {
        ids,
        add,
        caption,
        remove,
        draw,
    } = row;
    let ids = move || ids(access);
    let removed = Held::new(None::<Removed>);
    // What the status line says about the last removal or undo.
    let said = Held::new(None::<String>);
    let undo_button = NodeRef::<html::Button>::new();
    let add = move |_| focus_row(add(access));
    // "Anna Nowak", or "this person" for a row not named yet.
    let name_of = move |key: Uuid| {
        let name = caption(access, key);
        match name.lines().next().map(str::trim) {
            Some(first) if !first.is_empty() => first.chars().take(60).collect(),
            _ => unnamed.to_owned(),
        }
    };
    let remove_row = move |key: Uuid| {
        let name = untrack(|| name_of(key));
        if let Some(put_back) = remove(access, key) {
            said.set(Some(t!(profile_editor_row_removed, name = name)));
            removed.set(Some(Removed {
                name,
                key,
                put_back,
            }));
            // The focused Remove button is gone: focus the Undo button.
            request_animation_frame(move || {
                if let Some(button) = undo_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    };
    let undo = move |_| {
        if let Some(r) = removed.get_untracked() {
            (r.put_back)(store, profile);
            removed.set(None);
            said.set(Some(t!(profile_editor_row_put_back, name = r.name)));
            // The Undo button hides: focus goes to the row that came back.
            focus_row(r.key);
        }
    };
    let draw_row = move |key: Uuid| {
        view! {
            <li class="row" data-row=key.to_string()>
                {draw(access, key)}
                <button type="button" class="secondary remove" disabled=locked
                    aria-label=move || t!(profile_editor_row_remove_named, name = name_of(key))
                    on:click=move |_| remove_row(key)>{tv!(profile_editor_row_remove)}</button>
            </li>
        }
    };
    let removed_name = move || removed.with(|r| r.as_ref().map(|r| r.name.clone()));
    view! {
        <section aria-labelledby=labelled_by class="editor-section">
            <h2 id=heading_id>{title}</h2>
            <When when=move || !ids().is_empty() fallback=move || view! { <p class="hint">{empty}</p> }>
                <ul class="rows">
                    {keyed_list(
                        Signal::derive(move || ids().into_iter().map(|key| (key, 0)).collect()),
                        Arc::new({
                            let draw_row = draw_row.clone();
                            move |(key, _)| draw_row(key).into_any()
                        }),
                    )}
                </ul>
            </When>
            <div class="row-actions">
                <button type="button" class="secondary" disabled=locked on:click=add>{add_label}</button>
                <p role="status" class="removed">{move || said.get()}</p>
                <button type="button" class="secondary" node_ref=undo_button disabled=locked
                    hidden=move || removed_name().is_none()
                    aria-label=move || t!(profile_editor_row_undo_named, name = removed_name().unwrap_or_default())
                    on:click=undo>{tv!(profile_editor_row_undo)}</button>
            </div>
        </section>
    }
}
