//! Keeps the workspace in browser storage: the load at start, the one save
//! effect, and agreement with other tabs.
//!
//! Rules (also in README; the decisions themselves are plain Rust in
//! [`crate::storage::tabs`], tested natively):
//! - Saves are coalesced: a burst of changes is saved once, [`SAVE_DELAY`]
//!   after the last one, and at once when the page is hidden or closed.
//! - Each saved document carries a revision, one more than the revision this
//!   tab last read or wrote. The tab also remembers exactly which save that
//!   was (a fingerprint of the stored text), because two tabs starting from
//!   the same revision both write the next one.
//! - A save reads what is stored and writes only if it is still the save
//!   this tab last read or wrote. Otherwise nothing is written and the user
//!   chooses which version to keep: a newer revision, or the same revision
//!   saved differently by another tab, is never written over nor ignored.
//! - The read and the write are one step for every tab: they run inside a
//!   Web Lock (`navigator.locks`) named after the key, so no other tab can
//!   save in between. Without Web Locks the check alone guards the write.
//!   When the page is hidden or closed, the save runs at once without
//!   waiting for the lock, because the browser may freeze or discard the
//!   page before granting it; the check still guards that write.
//! - When another tab saves and this tab has no unsaved changes, this tab
//!   takes the newer data at once. If that other save is a different save of
//!   the revision this tab saved, this tab's save was written over: the user
//!   chooses, as when both have changes.
//! - If another tab or program removes the workspace (or clears storage),
//!   this tab writes its workspace back at once and says so.
//! - Stored data that cannot be read is moved to a quarantine key before it
//!   is replaced, and only if it is still the same text when moved; if it
//!   cannot be moved, or it comes from a newer Clientele, the app is
//!   read-only and writes nothing.

use super::state::{AppStore, SaveState, StorageInfo, StorageMode, now};
use crate::domain::Workspace;
use crate::domain::sorting::sort_by_key_with;
use crate::domain::workspace::ExportMark;
use crate::format;
use crate::messages::Notice;
use crate::storage::chunks::ChunkMemo;
use crate::storage::tabs::{self, Blocked, HeardStep, SaveId, Stored, revision_of};
use crate::storage::{self, BrowserStorage, StorageError, StorageKey, TabWatch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How long after the last change a save happens.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// This tab's link to storage; lives as long as the app.
struct Keeper {
    storage: Option<BrowserStorage>,
    /// The save this tab last read or wrote; `None` if it found nothing
    /// stored.
    base: Option<SaveId>,
    /// What the stored chunks hold, so that a save writes only the chunks
    /// whose profiles changed.
    chunks: ChunkMemo,
    /// The other tab's save shown in the conflict dialog, while the user
    /// decides. Nothing is written meanwhile.
    theirs: Option<SaveId>,
    /// Changes made that storage does not hold.
    dirty: bool,
    /// Set when the workspace is replaced by data from storage, so that the
    /// save effect does not write it straight back.
    skip_next_change: bool,
    timer: Option<TimeoutHandle>,
    /// A save waits for the cross-tab lock. It saves what the workspace
    /// holds when the lock is granted, so one waiting save is enough.
    waiting_for_lock: bool,
    /// The backup mark as of the last change, to tell the change that set
    /// it from the changes after it.
    seen_mark: Option<ExportMark>,
    asked_persistence: bool,
    _watch: Option<TabWatch>,
}

/// Handle to the storage keeper of one app instance.
#[derive(Clone, Copy)]
pub struct Persistence {
    keeper: KeeperCell,
    store: AppStore,
}

/// Where the keeper lives: read and changed through the stored value's
/// guards rather than closures passed to it, whose code would be compiled
/// again for each of the thirty places here that use the keeper (see
/// `super::held`).
#[derive(Clone, Copy)]
struct KeeperCell(StoredValue<Keeper, LocalStorage>);

impl KeeperCell {
    fn with_value<R>(self, read: impl FnOnce(&Keeper) -> R) -> R {
        read(&self.0.read_value())
    }

    fn try_with_value<R>(self, read: impl FnOnce(&Keeper) -> R) -> Option<R> {
        Some(read(&*self.0.try_read_value()?))
    }

    fn update_value(self, change: impl FnOnce(&mut Keeper)) {
        change(&mut self.0.write_value());
    }

    fn try_update_value<R>(self, change: impl FnOnce(&mut Keeper) -> R) -> Option<R> {
        Some(change(&mut *self.0.try_write_value()?))
    }
}

/// What was found in storage at start.
pub struct Opened {
    /// The workspace to show.
    pub workspace: Workspace,
    /// Where it is kept from now on.
    pub mode: StorageMode,
    /// Problems to tell the user about.
    pub notices: Vec<Notice>,
    storage: Option<BrowserStorage>,
    base: Option<SaveId>,
    chunks: ChunkMemo,
}

/// Reads the workspace from storage, setting aside anything unreadable
/// (see [`tabs::open`]). Never writes over data it could not read.
pub fn open_workspace() -> Opened {
    let Ok(storage) = BrowserStorage::open() else {
        return fresh(
            StorageMode::InMemory,
            vec![Notice::StorageUnavailable],
            None,
        );
    };
    let (mode, notice) = match tabs::open(&storage, now()) {
        tabs::Opened::Found {
            id,
            workspace,
            notes,
            memo,
        } => {
            return Opened {
                workspace: *workspace,
                mode: StorageMode::Browser,
                notices: notes.into_iter().map(Notice::Migrated).collect(),
                storage: Some(storage),
                base: Some(id),
                chunks: memo,
            };
        }
        tabs::Opened::Unavailable => {
            return fresh(
                StorageMode::InMemory,
                vec![Notice::StorageUnavailable],
                None,
            );
        }
        tabs::Opened::Nothing => (StorageMode::Browser, None),
        tabs::Opened::SetAside { key, reason } => (
            StorageMode::Browser,
            Some(Notice::CorruptQuarantined { key, reason }),
        ),
        // Something is there but cannot be read now: do not risk overwriting it.
        tabs::Opened::ReadFailed(error) => {
            (StorageMode::ReadOnly, Some(Notice::StorageFailed(error)))
        }
        tabs::Opened::UnreadableKept { reason, move_error } => (
            StorageMode::ReadOnly,
            Some(Notice::CorruptKept { reason, move_error }),
        ),
        tabs::Opened::FromNewerVersion { found, supported } => (
            StorageMode::ReadOnly,
            Some(Notice::NewerData { found, supported }),
        ),
    };
    fresh(mode, notice.into_iter().collect(), Some(storage))
}

/// A new, empty workspace.
fn fresh(mode: StorageMode, notices: Vec<Notice>, storage: Option<BrowserStorage>) -> Opened {
    Opened {
        workspace: Workspace::new(now()),
        mode,
        notices,
        storage,
        base: None,
        chunks: ChunkMemo::default(),
    }
}

impl Persistence {
    /// Starts keeping `store.workspace` in the storage `opened` came from:
    /// sets up the save effect, the watch on other tabs and the flush when
    /// the page is hidden. Call once, at the root of the app.
    pub fn start(store: AppStore, opened: Opened) -> Self {
        let Opened {
            storage,
            base,
            notices,
            chunks,
            ..
        } = opened;
        let has_storage = storage.is_some();
        let keeper = KeeperCell(StoredValue::new_local(Keeper {
            storage,
            base,
            chunks,
            theirs: None,
            dirty: false,
            skip_next_change: false,
            timer: None,
            waiting_for_lock: false,
            seen_mark: store.workspace.with_untracked(|w| w.last_export.clone()),
            asked_persistence: false,
            _watch: None,
        }));
        let this = Self { keeper, store };
        // Data migrated in a way the user is told about is saved in today's
        // form at once, so that the notes are said once, not on every load.
        let migrated = notices.iter().any(|n| matches!(n, Notice::Migrated(_)));
        for notice in notices {
            store.notify(notice);
        }

        // The one save effect: it tracks only the persisted workspace.
        Effect::new(move |previous: Option<()>| {
            store.workspace.track();
            if previous.is_some() {
                this.changed();
            }
        });

        if migrated {
            this.changed();
        }
        if has_storage {
            let watch = TabWatch::new(StorageKey::Workspace, move || this.other_tab_saved());
            keeper.update_value(|k| k._watch = watch);
            this.refresh_usage();
            spawn_local(async move {
                if let Ok(answer) = storage::persistence().await {
                    store
                        .storage_info
                        .update(|info| info.persistence = Some(answer));
                }
            });
        }
        // Hidden is the last moment a page is sure to run code: a phone
        // freezes or discards a tab in the background without `pagehide`.
        let flush_when_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                this.flush_now();
            }
        });
        let flush_on_hide = window_event_listener(leptos::ev::pagehide, move |_| this.flush_now());
        let warn_on_close = window_event_listener(leptos::ev::beforeunload, move |event| {
            this.flush_now();
            if this.has_unsaved_changes() {
                // Makes the browser ask before closing a tab whose changes
                // exist only in memory.
                event.prevent_default();
            }
        });
        on_cleanup(move || {
            flush_when_hidden.remove();
            flush_on_hide.remove();
            warn_on_close.remove();
            // Stop hearing other tabs and drop a waiting save with the app.
            keeper.try_update_value(|k| {
                k._watch = None;
                if let Some(timer) = k.timer.take() {
                    timer.clear();
                }
            });
        });
        this
    }

    /// Whether changes exist that storage does not hold.
    pub fn has_unsaved_changes(&self) -> bool {
        self.keeper.try_with_value(|k| k.dirty) == Some(true)
    }

    /// Called by the save effect after every change to the workspace.
    fn changed(self) {
        if self
            .keeper
            .try_update_value(|k| std::mem::take(&mut k.skip_next_change))
            == Some(true)
        {
            return;
        }
        self.keep_backup_mark_honest();
        match self.store.mode.get_untracked() {
            StorageMode::ReadOnly => {}
            StorageMode::InMemory => {
                // Nothing can be saved, but each change counts as a save in
                // memory, so that the backup mark tells the changes a
                // download holds from the ones after it.
                let base = self.keeper.with_value(|k| revision_of(k.base));
                self.store
                    .workspace
                    .update_untracked(|w| w.stamp_saved(base, now()));
                self.keeper.update_value(|k| {
                    k.dirty = true;
                    k.base = Some(SaveId::in_memory(base + 1));
                });
                // After the stamp: this also tells the backup reminder.
                self.store.save_state.set(SaveState::Failed);
            }
            StorageMode::Browser => {
                self.keeper.update_value(|k| k.dirty = true);
                if self.store.save_state.get_untracked() != SaveState::Conflict {
                    self.store.save_state.set(SaveState::Pending);
                }
                self.save_after(SAVE_DELAY);
            }
        }
    }

    /// Saves `delay` from now, unless another change comes first.
    fn save_after(self, delay: Duration) {
        self.keeper.update_value(|k| {
            if let Some(timer) = k.timer.take() {
                timer.clear();
            }
        });
        let timer = set_timeout_with_handle(move || self.save(), delay).ok();
        self.keeper.update_value(|k| k.timer = timer);
    }

    /// A change typed in the moment between a backup download and the save
    /// of its mark would be saved with the mark and pass for backed up;
    /// this tells the change that set the mark from the ones after it.
    fn keep_backup_mark_honest(self) {
        let mark = self
            .store
            .workspace
            .with_untracked(|w| w.last_export.clone());
        let (set_now, base) = self
            .keeper
            .with_value(|k| (mark != k.seen_mark, revision_of(k.base)));
        if !set_now {
            // Untracked: the save already due writes it.
            self.store
                .workspace
                .update_untracked(|w| w.changed_after_mark(base));
        }
        let mark = self
            .store
            .workspace
            .with_untracked(|w| w.last_export.clone());
        self.keeper.update_value(|k| k.seen_mark = mark);
    }

    /// Saves at once if changes wait, without the cross-tab lock: for the
    /// page being hidden or closed. The browser grants a lock in a later
    /// task, and a page going away (or frozen in the background) may never
    /// run it; this is the last moment the changes can be written. The
    /// check of the stored save still guards the write.
    pub fn flush_now(self) {
        if self.has_unsaved_changes() {
            self.save_now();
        }
    }

    /// Saves inside the cross-tab lock (see [`storage::with_lock`]).
    fn save(self) {
        let first = self.keeper.try_update_value(|k| {
            if let Some(timer) = k.timer.take() {
                timer.clear();
            }
            !std::mem::replace(&mut k.waiting_for_lock, true)
        });
        if first != Some(true) {
            // A save already waits for the lock, and it saves the latest
            // workspace when granted.
            return;
        }
        spawn_local(storage::with_lock(&StorageKey::Workspace, move || {
            self.keeper.try_update_value(|k| k.waiting_for_lock = false);
            self.save_now();
        }));
    }

    /// Writes the workspace unless storage no longer holds the save this tab
    /// is based on. Synchronous from its read to its write.
    fn save_now(self) {
        let store = self.store;
        // `try_`: a timer or the lock may fire after the app was unmounted.
        if store.mode.try_get_untracked() != Some(StorageMode::Browser) {
            return;
        }
        let attempt = self.keeper.try_update_value(|k| {
            // This save writes every change so far.
            if let Some(timer) = k.timer.take() {
                timer.clear();
            }
            // Nothing to write, or the user is choosing between versions.
            if !k.dirty || k.theirs.is_some() {
                return None;
            }
            let storage = k.storage.as_ref()?;
            // In place and untracked: no view shows the revision, and the
            // workspace is not copied (it may hold years of profiles).
            store
                .workspace
                .try_update_untracked(|w| tabs::save(storage, k.base, &mut k.chunks, w, now()))
        });
        let Some(Some(attempt)) = attempt else { return };
        if let Some((key, reason)) = attempt.set_aside {
            store.notify(Notice::CorruptSetAside { key, reason });
        }
        match attempt.result {
            Ok(saved) => {
                self.keeper.update_value(|k| {
                    k.base = Some(saved.id);
                    k.dirty = false;
                });
                let saved_at = store.workspace.with_untracked(|w| w.updated_at);
                store.save_state.set(SaveState::Saved(saved_at));
                store.dismiss(|n| matches!(n, Notice::NotSaved(_) | Notice::StorageFailed(_)));
                if saved.written_back {
                    store.notify(Notice::RemovedAndSavedAgain);
                }
                self.refresh_usage();
                self.ask_for_persistence_once();
            }
            Err(Blocked::Conflict { id, theirs }) => self.show_conflict(id, *theirs),
            Err(Blocked::NewerVersion { found, supported }) => {
                // This save carried changes, and they now live only here.
                store.mode.set(StorageMode::ReadOnly);
                store.save_state.set(SaveState::Failed);
                store.notify(Notice::NewerDataUnsaved { found, supported });
            }
            Err(Blocked::Storage(error)) => {
                store.save_state.set(SaveState::Failed);
                store.notify(Notice::NotSaved(error));
            }
        }
    }

    /// Another tab or program changed or removed the workspace key. The
    /// browser delivers this as a task of its own, so the save effect (a
    /// microtask) has already marked any change made in this tab as
    /// unsaved. Decides on what storage holds now, which may be newer than
    /// the change the event was sent for.
    fn other_tab_saved(self) {
        let base = self.keeper.with_value(|k| k.base);
        let read = self
            .keeper
            .try_with_value(|k| {
                let storage = k.storage.as_ref()?;
                Some(
                    storage
                        .read(&StorageKey::Workspace)
                        .map(|text| Stored::since(base, text, storage)),
                )
            })
            .flatten();
        let stored = match read {
            Some(Ok(stored)) => stored,
            Some(Err(error)) => {
                self.store.notify(Notice::StorageFailed(error));
                return;
            }
            None => return,
        };
        match tabs::after_other_tab(base, self.has_unsaved_changes(), stored) {
            HeardStep::Ignore => {}
            HeardStep::TakeTheirs { id, theirs, memo } => self.adopt(id, *theirs, memo),
            HeardStep::Conflict { id, theirs } => self.show_conflict(id, *theirs),
            HeardStep::WriteBack => {
                // This tab holds the only copy now: write it back at once.
                self.keeper.update_value(|k| k.dirty = true);
                if self.store.save_state.get_untracked() != SaveState::Conflict {
                    self.store.save_state.set(SaveState::Pending);
                }
                self.save();
            }
            HeardStep::NewerVersion { found, supported } => {
                self.store.mode.set(StorageMode::ReadOnly);
                self.store.notify(if self.has_unsaved_changes() {
                    Notice::NewerDataUnsaved { found, supported }
                } else {
                    Notice::NewerData { found, supported }
                });
            }
        }
        self.refresh_usage();
    }

    /// Asks the user which version to keep: storage holds `theirs` (save
    /// `id`), which this tab cannot take without losing its own work.
    fn show_conflict(self, id: SaveId, theirs: Workspace) {
        // This tab's work is not what storage holds, whatever it was before.
        let shown = self.keeper.try_update_value(|k| {
            k.dirty = true;
            k.theirs.replace(id) == Some(id)
        });
        // The same version again (a save retried): leave the dialog, and
        // its focus, as they are.
        if shown != Some(true) {
            self.store.conflict.set(Some(theirs));
        }
        self.store.save_state.set(SaveState::Conflict);
    }

    /// Replaces this tab's workspace with `theirs` (save `id`), read from
    /// storage.
    /// `memo` says what its chunks hold, when known.
    fn adopt(self, id: SaveId, theirs: Workspace, memo: ChunkMemo) {
        let saved_at = theirs.updated_at;
        self.keeper.update_value(|k| {
            k.base = Some(id);
            k.chunks = memo;
            k.theirs = None;
            k.dirty = false;
            k.skip_next_change = true;
            if let Some(timer) = k.timer.take() {
                timer.clear();
            }
        });
        self.store.workspace.set(theirs);
        self.store.replaced.update(|n| *n += 1);
        self.store.conflict.set(None);
        self.store.save_state.set(SaveState::Saved(saved_at));
        // Undoing the import now would put back the workspace as it was
        // before it, and so also throw away what the other tab saved.
        if self.store.import_undo.get_untracked().is_some() {
            self.store.import_undo.set(None);
            self.store.notify(Notice::ImportUndoExpired);
        }
    }

    /// Resolves a conflict by keeping this tab's version: it is written over
    /// the other tab's (and only over it: if yet another save came
    /// meanwhile, the user is asked again).
    pub fn keep_this_tab(self) {
        let Some(Some(theirs)) = self.keeper.try_update_value(|k| k.theirs.take()) else {
            return;
        };
        self.keeper.update_value(|k| {
            k.base = Some(theirs);
            k.dirty = true;
        });
        self.store.conflict.set(None);
        self.store.save_state.set(SaveState::Pending);
        self.save();
    }

    /// Resolves a conflict by taking the other tab's version; this tab's
    /// unsaved changes are dropped (the user is offered a download first).
    pub fn take_other_tab(self) {
        let id = self.keeper.try_with_value(|k| k.theirs).flatten();
        if let (Some(id), Some(theirs)) = (id, self.store.conflict.get_untracked()) {
            // The chunks are found again by their names at the next save.
            self.adopt(id, theirs, ChunkMemo::default());
            // Storage may have changed while the user decided (removed, or
            // saved again): the same rules apply to the version now shown.
            self.other_tab_saved();
        }
    }

    /// The file text of what is stored under `key`, for downloading data
    /// the app cannot read: unpacked, with its chunks put back (see
    /// [`format::stored::file_text`]).
    pub fn read_stored_file(self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        self.keeper
            .try_with_value(|k| {
                let storage = k.storage.as_ref()?;
                let read_chunk = &mut |name: &str| storage::chunks::read(storage, name);
                Some(
                    storage
                        .read(key)
                        .map(|text| text.map(|text| format::stored::file_text(&text, read_chunk))),
                )
            })
            .flatten()
            .unwrap_or(Err(StorageError::Unavailable))
    }

    /// Deletes a quarantined copy the user no longer needs.
    pub fn delete_quarantined(self, key: &StorageKey) -> Result<(), StorageError> {
        debug_assert!(matches!(key, StorageKey::Quarantine(_)));
        let result = self
            .keeper
            .try_with_value(|k| {
                k.storage
                    .as_ref()
                    .map(|s| storage::delete_set_aside(s, key))
            })
            .flatten()
            .unwrap_or(Err(StorageError::Unavailable));
        self.refresh_usage();
        result
    }

    /// Every quarantined copy in storage, newest first.
    pub fn quarantined(self) -> Result<Vec<StorageKey>, StorageError> {
        let keys = self
            .keeper
            .try_with_value(|k| k.storage.as_ref().map(BrowserStorage::keys))
            .flatten()
            .unwrap_or(Ok(Vec::new()))?;
        let mut found: Vec<_> = keys
            .into_iter()
            .filter(|k| matches!(k, StorageKey::Quarantine(_)))
            .collect();
        sort_by_key_with(&mut found, |k| std::cmp::Reverse(k.name()));
        Ok(found)
    }

    fn refresh_usage(self) {
        let usage = self
            .keeper
            .try_with_value(|k| k.storage.as_ref().map(BrowserStorage::usage));
        if let Some(Some(Ok(usage))) = usage {
            self.store
                .storage_info
                .update(|info| info.usage = Some(usage));
            if usage.nearly_full() {
                self.store.notify(Notice::StorageNearlyFull {
                    percent: usage.percent(),
                });
            } else {
                self.store
                    .dismiss(|n| matches!(n, Notice::StorageNearlyFull { .. }));
            }
        }
    }

    /// Asks for persistent storage after the first real save, when the
    /// user has shown they keep data here.
    fn ask_for_persistence_once(self) {
        let first = self
            .keeper
            .try_update_value(|k| !std::mem::replace(&mut k.asked_persistence, true));
        if first != Some(true) {
            return;
        }
        let store = self.store;
        spawn_local(async move {
            if let Ok(answer) = storage::request_persistence().await {
                store
                    .storage_info
                    .update(|info: &mut StorageInfo| info.persistence = Some(answer));
            }
        });
    }
}
