//! Actions on a whole profile: mark reviewed, duplicate, delete (with undo),
//! print.

use super::route::{Route, go_to};
use super::state::{AppStore, now, today, use_app_store};
use crate::domain::ProfileId;
use crate::domain::profile::Profile;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// A deleted profile kept in memory so that the delete can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    /// Where it stood in the list.
    pub at: usize,
    /// The profile as it was.
    pub profile: Profile,
}

/// Deletes profile `id`, keeping it for undo, and shows the list.
pub fn delete_profile(store: AppStore, id: ProfileId) {
    let mut removed = None;
    store
        .workspace
        .update(|w| removed = w.remove_profile(id, today()));
    if let Some((at, profile)) = removed {
        store.deleted.set(Some(Deleted { at, profile }));
        go_to(&Route::Profiles);
    }
}

/// Puts the last deleted profile back.
pub fn undo_delete(store: AppStore) {
    if let Some(Deleted { at, profile }) = store.deleted.get_untracked() {
        let id = profile.id;
        store.workspace.update(|w| w.restore_profile(at, profile));
        store.deleted.set(None);
        go_to(&Route::Profile(id));
    }
}

/// The buttons that act on a whole profile.
#[component]
pub fn ProfileActions(
    /// The profile.
    id: ProfileId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = super::fields::locked();
    let reviewed = move || {
        store
            .workspace
            .with(|w| w.profile(id).and_then(|p| p.last_reviewed))
            .map(|d| d.shown())
    };
    let mark_reviewed = move |_| {
        store.workspace.update(|w| {
            if let Some(p) = w.profile_mut(id) {
                p.last_reviewed = Some(today());
            }
        });
    };
    let duplicate = move |_| {
        let mut copy = None;
        store
            .workspace
            .update(|w| copy = w.duplicate_profile(id, now()));
        if let Some(copy) = copy {
            go_to(&Route::EditProfile(copy));
        }
    };
    view! {
        <div class="actions profile-actions" role="group" aria-label=t!(profile_actions_label)>
            <button type="button" disabled=locked on:click=mark_reviewed>{tv!(profile_actions_mark_reviewed)}</button>
            <span class="hint">
                {move || match reviewed() {
                    Some(day) => t!(profile_actions_last_reviewed, date = day),
                    None => t!(profile_actions_never_reviewed).to_owned(),
                }}
            </span>
            <button type="button" class="secondary" disabled=locked on:click=duplicate>{tv!(profile_actions_duplicate)}</button>
            <button type="button" class="secondary" disabled=locked on:click=move |_| delete_profile(store, id)>{tv!(profile_actions_delete)}</button>
        </div>
    }
}
