//! Fine-grained reading of one profile from the store.
//!
//! The workspace is one signal, so anything that reads it re-runs after
//! every change anywhere: a keystroke in one profile would re-run every
//! field, rating and row drawn for every other profile on screen, and each
//! would search 10,000 profiles for its own. A [`ProfileWatch`] instead
//! follows one profile's [`Stamp`](crate::domain::profiles::Stamp), which
//! changes exactly when that profile does: views that read through it
//! re-run only when their own profile changed.

use super::state::AppStore;
use crate::domain::{Profile, ProfileId};
use leptos::prelude::*;

/// One profile of the store, watched: where it is among the profiles and
/// its stamp, recomputed after each change of the workspace (in constant
/// time while the profile stays in its place), and passed on to readers
/// only when either differs.
#[derive(Clone, Copy)]
pub struct ProfileWatch {
    store: AppStore,
    id: ProfileId,
    /// The profile's index and stamp; `None` once it is gone.
    at: Memo<Option<(usize, u64)>>,
}

impl ProfileWatch {
    /// Watches profile `id` of `store`.
    pub fn new(store: AppStore, id: ProfileId) -> Self {
        let at = Memo::new(move |last: Option<&Option<(usize, u64)>>| {
            store.workspace.with(|w| {
                let is_it = |&i: &usize| w.profiles.get(i).is_some_and(|p| p.id == id);
                let i = last
                    .copied()
                    .flatten()
                    .map(|(i, _)| i)
                    .filter(is_it)
                    .or_else(|| w.profiles.iter().position(|p| p.id == id))?;
                Some((i, w.profiles[i].stamp.get()))
            })
        });
        Self { store, id, at }
    }

    /// The profile watched.
    pub fn id(self) -> ProfileId {
        self.id
    }

    /// Reads part of the profile, tracked: the caller re-runs when this
    /// profile changes, not when another does. `None` once it is gone.
    pub fn read<U>(self, read: impl FnOnce(&Profile) -> U) -> Option<U> {
        let (i, _) = self.at.get()?;
        self.store
            .workspace
            .with_untracked(|w| w.profiles.get(i).map(read))
    }

    /// Reads part of the profile now, untracked.
    pub fn read_untracked<U>(self, read: impl FnOnce(&Profile) -> U) -> Option<U> {
        untrack(|| self.read(read))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::route::Route;
    use crate::app::state::StorageMode;
    use crate::domain::{Timestamp, Workspace};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A store of three profiles, and their ids.
    fn store() -> (AppStore, [ProfileId; 3]) {
        let at = Timestamp::from_millis(0);
        let mut ws = Workspace::new(at);
        let ids = ["Acme", "Borealis", "Cobalt"].map(|name| ws.add_profile(name, at).unwrap());
        (AppStore::new(ws, StorageMode::InMemory, Route::Home), ids)
    }

    fn rename(store: AppStore, id: ProfileId, name: &str) {
        store
            .workspace
            .update(|w| w.profile_mut(id).unwrap().name = name.to_owned());
    }

    #[test]
    fn a_reader_re_runs_when_its_profile_changes_and_not_for_another() {
        let owner = Owner::new();
        owner.set();
        let (store, [acme, borealis, _]) = store();
        let watch = ProfileWatch::new(store, borealis);
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&runs);
        let name = Memo::new(move |_| {
            counted.fetch_add(1, Ordering::Relaxed);
            watch.read(|p| p.name.clone())
        });
        let runs = move || runs.load(Ordering::Relaxed);
        assert_eq!(name.get().as_deref(), Some("Borealis"));
        assert_eq!(runs(), 1);

        rename(store, acme, "Acme Holdings");
        store.workspace.update(|w| w.name = "Sales".into());
        assert_eq!(name.get().as_deref(), Some("Borealis"));
        assert_eq!(runs(), 1, "other profiles and the workspace's name changed");

        rename(store, borealis, "Borealis Oy");
        assert_eq!(name.get().as_deref(), Some("Borealis Oy"));
        assert_eq!(runs(), 2);
    }

    #[test]
    fn a_watched_profile_is_found_after_others_move_and_none_once_gone() {
        let owner = Owner::new();
        owner.set();
        let (store, [_, borealis, cobalt]) = store();
        let watch = ProfileWatch::new(store, cobalt);
        assert_eq!(watch.read(|p| p.name.clone()).as_deref(), Some("Cobalt"));
        store.workspace.update(|w| {
            w.profiles.remove(0);
        });
        assert_eq!(watch.read(|p| p.name.clone()).as_deref(), Some("Cobalt"));
        store.workspace.update(|w| {
            let moved = w.profiles.remove(1);
            w.profiles.insert(0, moved);
        });
        assert_eq!(watch.read(|p| p.id), Some(cobalt));
        store.workspace.update(|w| {
            w.profiles.edit_all(|all| all.retain(|p| p.id == borealis));
        });
        assert_eq!(watch.read(|p| p.id), None);
    }
}
