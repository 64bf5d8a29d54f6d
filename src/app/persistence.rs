//! Keeps the workspace in browser storage: the load at start, the one save
//! effect, and agreement with other tabs.
//!
//! Rules (also in README):
//! - Saves are coalesced: a burst of changes is saved once, [`SAVE_DELAY`]
//!   after the last one, and at once when the page is hidden or closed.
//!   localStorage is synchronous, so one save can never overlap another.
//! - Each saved document carries a revision, one more than the revision this
//!   tab last read or wrote. Before writing, the tab reads what is stored: if
//!   another tab saved a newer revision meanwhile, nothing is written and the
//!   user chooses which version to keep. Older data never overwrites newer.
//! - When another tab saves and this tab has no unsaved changes, this tab
//!   takes the newer data at once.
//! - Stored data that cannot be read is moved to a quarantine key before the
//!   app starts empty; if it cannot be moved, or it comes from a newer
//!   Clientele, the app is read-only and writes nothing.

use super::state::{AppStore, Notice, SaveState, StorageInfo, StorageMode, now};
use crate::domain::Workspace;
use crate::domain::sorting::sort_by_key_with;
use crate::domain::workspace::ExportMark;
use crate::format::{self, FormatError};
use crate::storage::{self, BrowserStorage, StorageError, StorageKey, TabWatch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How long after the last change a save happens.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// This tab's link to storage; lives as long as the app.
struct Keeper {
    storage: Option<BrowserStorage>,
    /// The revision this tab last read or wrote.
    base_revision: u64,
    /// Changes made since the last save.
    dirty: bool,
    /// Set when the workspace is replaced by data from storage, so that the
    /// save effect does not write it straight back.
    skip_next_change: bool,
    timer: Option<TimeoutHandle>,
    /// The backup mark as of the last change, to tell the change that set
    /// it from the changes after it.
    seen_mark: Option<ExportMark>,
    asked_persistence: bool,
    _watch: Option<TabWatch>,
}

/// Handle to the storage keeper of one app instance.
#[derive(Clone, Copy)]
pub struct Persistence {
    keeper: StoredValue<Keeper, LocalStorage>,
    store: AppStore,
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
    base_revision: u64,
}

/// Reads the workspace from storage, setting aside anything unreadable.
/// Never writes over data it could not read.
pub fn open_workspace() -> Opened {
    let fresh = |mode, notices, storage| Opened {
        workspace: Workspace::new(now()),
        mode,
        notices,
        storage,
        base_revision: 0,
    };
    let storage = match BrowserStorage::open() {
        Ok(storage) => storage,
        Err(_) => {
            return fresh(
                StorageMode::InMemory,
                vec![Notice::StorageUnavailable],
                None,
            );
        }
    };
    let text = match storage.read(&StorageKey::Workspace) {
        Ok(Some(text)) => text,
        Ok(None) => return fresh(StorageMode::Browser, Vec::new(), Some(storage)),
        Err(StorageError::Unavailable) => {
            return fresh(
                StorageMode::InMemory,
                vec![Notice::StorageUnavailable],
                None,
            );
        }
        // Something is there but cannot be read now: do not risk overwriting it.
        Err(e) => {
            return fresh(
                StorageMode::ReadOnly,
                vec![Notice::StorageFailed(e)],
                Some(storage),
            );
        }
    };
    match format::decode_workspace(&text) {
        Ok(workspace) => Opened {
            base_revision: workspace.revision,
            workspace,
            mode: StorageMode::Browser,
            notices: Vec::new(),
            storage: Some(storage),
        },
        Err(FormatError::NewerVersion { found, supported }) => fresh(
            StorageMode::ReadOnly,
            vec![Notice::NewerData { found, supported }],
            Some(storage),
        ),
        Err(reason) => match quarantine(&storage, &text) {
            Ok(key) => fresh(
                StorageMode::Browser,
                vec![Notice::CorruptQuarantined { key, reason }],
                Some(storage),
            ),
            Err(move_error) => fresh(
                StorageMode::ReadOnly,
                vec![Notice::CorruptKept { reason, move_error }],
                Some(storage),
            ),
        },
    }
}

/// Moves unreadable workspace text to a fresh quarantine key, which later
/// saves never touch. The original is removed only once the copy is kept.
fn quarantine(storage: &BrowserStorage, text: &str) -> Result<StorageKey, StorageError> {
    let mut at = now();
    let taken = storage.keys()?;
    while taken.contains(&StorageKey::Quarantine(at)) {
        at = crate::domain::Timestamp::from_millis(at.millis() + 1);
    }
    let key = StorageKey::Quarantine(at);
    storage.write(&key, text)?;
    storage.remove(&StorageKey::Workspace)?;
    Ok(key)
}

impl Persistence {
    /// Starts keeping `store.workspace` in the storage `opened` came from:
    /// sets up the save effect, the watch on other tabs and the flush when
    /// the page is hidden. Call once, at the root of the app.
    pub fn start(store: AppStore, opened: Opened) -> Self {
        let Opened {
            storage,
            base_revision,
            notices,
            ..
        } = opened;
        let has_storage = storage.is_some();
        let keeper = StoredValue::new_local(Keeper {
            storage,
            base_revision,
            dirty: false,
            skip_next_change: false,
            timer: None,
            seen_mark: store.workspace.with_untracked(|w| w.last_export.clone()),
            asked_persistence: false,
            _watch: None,
        });
        let this = Self { keeper, store };
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

        if has_storage {
            let watch = TabWatch::new(StorageKey::Workspace, move |text| {
                this.other_tab_saved(text)
            });
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
        self.keeper.with_value(|k| k.dirty)
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
                let base = self.keeper.with_value(|k| k.base_revision);
                self.store
                    .workspace
                    .update_untracked(|w| w.stamp_saved(base, now()));
                self.keeper.update_value(|k| {
                    k.dirty = true;
                    k.base_revision = base + 1;
                });
                // After the stamp: this also tells the backup reminder.
                self.store.save_state.set(SaveState::Failed);
            }
            StorageMode::Browser => {
                self.keeper.update_value(|k| {
                    k.dirty = true;
                    if let Some(timer) = k.timer.take() {
                        timer.clear();
                    }
                });
                if self.store.save_state.get_untracked() != SaveState::Conflict {
                    self.store.save_state.set(SaveState::Pending);
                }
                let timer = set_timeout_with_handle(move || self.flush(), SAVE_DELAY).ok();
                self.keeper.update_value(|k| k.timer = timer);
            }
        }
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
            .with_value(|k| (mark != k.seen_mark, k.base_revision));
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

    /// Saves now if a save is waiting.
    pub fn flush_now(self) {
        let waiting = self.keeper.try_update_value(|k| k.timer.take()).flatten();
        if let Some(timer) = waiting {
            timer.clear();
            self.flush();
        }
    }

    /// Writes the workspace unless another tab saved newer data meanwhile.
    fn flush(self) {
        let store = self.store;
        // `try_`: a timer may fire after the app was unmounted.
        if store.mode.try_get_untracked() != Some(StorageMode::Browser) {
            return;
        }
        let outcome = self.keeper.try_update_value(|k| {
            k.timer = None;
            let storage = k.storage.as_ref()?;
            Some(write_if_newest(
                storage,
                k.base_revision,
                store.workspace.get_untracked(),
            ))
        });
        match outcome.flatten() {
            None => {}
            Some(Ok(saved)) => {
                self.keeper.update_value(|k| {
                    k.base_revision = saved.revision;
                    k.dirty = false;
                });
                store.workspace.update_untracked(|w| {
                    w.revision = saved.revision;
                    w.updated_at = saved.updated_at;
                });
                store.save_state.set(SaveState::Saved(saved.updated_at));
                store.dismiss(|n| matches!(n, Notice::NotSaved(_) | Notice::StorageFailed(_)));
                self.refresh_usage();
                self.ask_for_persistence_once();
            }
            Some(Err(Blocked::Newer(theirs))) => {
                store.conflict.set(Some(*theirs));
                store.save_state.set(SaveState::Conflict);
            }
            Some(Err(Blocked::NewerVersion { found, supported })) => {
                // This save carried changes, and they now live only here.
                store.mode.set(StorageMode::ReadOnly);
                store.save_state.set(SaveState::Failed);
                store.notify(Notice::NewerDataUnsaved { found, supported });
            }
            Some(Err(Blocked::Quarantined { key, reason })) => {
                store.notify(Notice::CorruptSetAside { key, reason });
                // The unreadable text is safe; save over the empty slot.
                self.flush();
            }
            Some(Err(Blocked::Storage(error))) => {
                store.save_state.set(SaveState::Failed);
                store.notify(Notice::NotSaved(error));
            }
        }
    }

    /// Another tab wrote the workspace key. The browser delivers this as a
    /// task of its own, so the save effect (a microtask) has already marked
    /// any change made in this tab as unsaved.
    fn other_tab_saved(self, text: Option<String>) {
        // Removed or cleared elsewhere: this tab still holds the data, and
        // its next save writes it back.
        let Some(text) = text else { return };
        let base = self.keeper.with_value(|k| k.base_revision);
        match format::decode_workspace(&text) {
            Ok(theirs) if theirs.revision > base => {
                if self.has_unsaved_changes() {
                    self.store.conflict.set(Some(theirs));
                    self.store.save_state.set(SaveState::Conflict);
                } else {
                    self.adopt(theirs);
                }
            }
            Ok(_) => {}
            Err(FormatError::NewerVersion { found, supported }) => {
                self.store.mode.set(StorageMode::ReadOnly);
                self.store.notify(if self.has_unsaved_changes() {
                    Notice::NewerDataUnsaved { found, supported }
                } else {
                    Notice::NewerData { found, supported }
                });
            }
            // Unreadable text from elsewhere is set aside by the next save.
            Err(_) => {}
        }
        self.refresh_usage();
    }

    /// Replaces this tab's workspace with `theirs`, read from storage.
    fn adopt(self, theirs: Workspace) {
        let saved_at = theirs.updated_at;
        self.keeper.update_value(|k| {
            k.base_revision = theirs.revision;
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
    /// the other tab's.
    pub fn keep_this_tab(self) {
        let Some(theirs) = self.store.conflict.get_untracked() else {
            return;
        };
        self.keeper
            .update_value(|k| k.base_revision = theirs.revision);
        self.store.conflict.set(None);
        self.store.save_state.set(SaveState::Pending);
        self.flush();
    }

    /// Resolves a conflict by taking the other tab's version; this tab's
    /// unsaved changes are dropped (the user is offered a download first).
    pub fn take_other_tab(self) {
        if let Some(theirs) = self.store.conflict.get_untracked() {
            self.adopt(theirs);
        }
    }

    /// The raw text under `key`, for downloading data the app cannot read.
    pub fn read_raw(self, key: &StorageKey) -> Result<Option<String>, StorageError> {
        self.keeper
            .try_with_value(|k| k.storage.as_ref().map(|s| s.read(key)))
            .flatten()
            .unwrap_or(Err(StorageError::Unavailable))
    }

    /// Deletes a quarantined copy the user no longer needs.
    pub fn delete_quarantined(self, key: &StorageKey) -> Result<(), StorageError> {
        debug_assert!(matches!(key, StorageKey::Quarantine(_)));
        let result = self
            .keeper
            .try_with_value(|k| k.storage.as_ref().map(|s| s.remove(key)))
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

/// Why a save did not write.
enum Blocked {
    /// Another tab saved a newer revision.
    Newer(Box<Workspace>),
    /// Storage holds data from a newer Clientele.
    NewerVersion { found: u64, supported: u32 },
    /// Storage held unreadable text, now moved to `key`; try again.
    Quarantined {
        key: StorageKey,
        reason: FormatError,
    },
    /// Storage refused.
    Storage(StorageError),
}

/// Reads what is stored and writes `workspace` as revision `base + 1` only
/// if nothing newer is there. Returns the document as written.
fn write_if_newest(
    storage: &BrowserStorage,
    base: u64,
    mut workspace: Workspace,
) -> Result<Workspace, Blocked> {
    if let Some(text) = storage
        .read(&StorageKey::Workspace)
        .map_err(Blocked::Storage)?
    {
        match format::decode_workspace(&text) {
            Ok(stored) if stored.revision > base => return Err(Blocked::Newer(Box::new(stored))),
            Ok(_) => {}
            Err(FormatError::NewerVersion { found, supported }) => {
                return Err(Blocked::NewerVersion { found, supported });
            }
            Err(reason) => {
                let key = quarantine(storage, &text).map_err(Blocked::Storage)?;
                return Err(Blocked::Quarantined { key, reason });
            }
        }
    }
    let at = now();
    workspace.stamp_saved(base, at);
    storage
        .write(
            &StorageKey::Workspace,
            &format::encode_stored(&workspace, at),
        )
        .map_err(Blocked::Storage)?;
    Ok(workspace)
}
