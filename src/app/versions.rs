//! Keeps every record's version up to date while the user works (see
//! [`crate::domain::share::history`]): after each change to the workspace,
//! the change is compared with the workspace as it was, and what was
//! created, edited or deleted here is counted as this workspace's edit.

use super::state::{AppStore, now};
use crate::domain::share::settle;
use leptos::prelude::*;

/// Starts counting this tab's edits in the records' versions. Call once,
/// at the root of the app, before the save keeper's first save.
///
/// A workspace replaced from outside (another tab's save, an import, an
/// import undone: each counts in [`AppStore::replaced`]) brings its own
/// versions, so the comparison starts again from it instead of reading the
/// replacement as edits (an undone import would otherwise leave deletions
/// of the records it had added).
pub fn keep_versions(store: AppStore) {
    let before = StoredValue::new_local(store.workspace.get_untracked());
    let seen_replaced = StoredValue::new(store.replaced.get_untracked());
    Effect::new(move |_| {
        store.workspace.track();
        let replaced = store.replaced.get();
        if replaced == seen_replaced.get_value() {
            // Untracked: versions are bookkeeping, no view shows them, and
            // the save already due writes them.
            store.workspace.update_untracked(|workspace| {
                before.with_value(|before| settle(workspace, before, now()));
            });
        } else {
            seen_replaced.set_value(replaced);
        }
        // Only what changed is copied (see `Workspace::mirror`).
        store
            .workspace
            .with_untracked(|workspace| before.update_value(|before| before.mirror(workspace)));
    });
}
