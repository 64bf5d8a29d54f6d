//! The rules of saving between tabs, in plain Rust so that every transition
//! is tested natively. The app reads storage, asks these functions what to
//! do, and does it; nothing here touches the browser.
//!
//! A tab remembers the exact save it last read or wrote (its [`SaveId`]).
//! A revision number alone cannot tell two saves apart: two tabs that both
//! start from revision 4 both write a revision 5. So a save is known by its
//! revision *and* a fingerprint of the stored text, and storage holding the
//! same revision with other text is a different save, never "the same".

use super::set_aside::set_aside;
use super::{Slots, StorageError, StorageKey};
use crate::domain::{Timestamp, Workspace};
use crate::format::{self, FormatError, MigrationNote};

/// How many times opening or a save reads storage again when unreadable
/// data was replaced by another tab while being set aside.
const SET_ASIDE_TRIES: u32 = 3;

/// One saved document, told apart from every other: its revision and a
/// fingerprint of the exact text stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveId {
    /// The document's revision (how many saves it has seen).
    pub revision: u64,
    /// 64-bit FNV-1a hash of the stored text. The text holds the save's
    /// time and content, so two different saves differ here unless they are
    /// the same document to the character.
    fingerprint: u64,
}

impl SaveId {
    /// The save whose stored text is `text`, at `revision`.
    pub fn of(revision: u64, text: &str) -> Self {
        Self {
            revision,
            fingerprint: fingerprint(text),
        }
    }

    /// Whether `text` is exactly this save's stored text. The text holds
    /// the revision, so a matching fingerprint is this very save, known
    /// without decoding it.
    pub fn is_text_of(&self, text: &str) -> bool {
        // An in-memory save was never stored.
        self.fingerprint != 0 && fingerprint(text) == self.fingerprint
    }

    /// A save that exists only in this tab's memory (the browser gives no
    /// storage); storage never holds it, so it is never compared.
    pub fn in_memory(revision: u64) -> Self {
        Self {
            revision,
            fingerprint: 0,
        }
    }
}

/// FNV-1a: tiny, stable across builds (unlike std's hasher, whose
/// algorithm may change) and fast enough for a packed workspace.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The revision of `base`; a tab that found nothing stored counts from 0.
pub fn revision_of(base: Option<SaveId>) -> u64 {
    base.map_or(0, |b| b.revision)
}

/// What storage holds under the workspace key, read and decoded.
#[derive(Debug)]
pub enum Stored {
    /// Nothing: never saved, or removed.
    Missing,
    /// Exactly the save this tab last read or wrote, left undecoded: most
    /// saves find it, and decoding a large workspace only to learn that
    /// would double what a save costs.
    /// Only [`Stored::since`] finds it, for the tab it is given the base of.
    Unchanged,
    /// A workspace this version reads.
    Saved {
        /// Which save it is.
        id: SaveId,
        /// The workspace as decoded.
        workspace: Box<Workspace>,
        /// What migrating it from an older version changed that the user
        /// must hear about (empty once saved by this version).
        notes: Vec<format::MigrationNote>,
    },
    /// Data from a newer Clientele, never to be written over.
    FromNewerVersion {
        /// The schema version found.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
    /// Text that cannot be read.
    Unreadable {
        /// The text exactly as stored, to be set aside unchanged.
        text: String,
        /// Why it cannot be read.
        reason: FormatError,
    },
}

impl Stored {
    /// Reads the text stored under the workspace key (`None`: no key) for a
    /// tab based on `base`: the very save `base` is not decoded.
    pub fn since(base: Option<SaveId>, text: Option<String>) -> Self {
        match (base, &text) {
            (Some(base), Some(stored)) if base.is_text_of(stored) => Self::Unchanged,
            _ => Self::from_text(text),
        }
    }

    /// Decodes the text stored under the workspace key (`None`: no key).
    pub fn from_text(text: Option<String>) -> Self {
        let Some(text) = text else {
            return Self::Missing;
        };
        match format::decode_workspace_noting(&text) {
            Ok((workspace, notes)) => Self::Saved {
                id: SaveId::of(workspace.revision, &text),
                workspace: Box::new(workspace),
                notes,
            },
            Err(FormatError::NewerVersion { found, supported }) => {
                Self::FromNewerVersion { found, supported }
            }
            Err(reason) => Self::Unreadable { text, reason },
        }
    }
}

/// What a save does, decided from what storage holds at the moment of
/// writing (inside the cross-tab lock where the browser has one).
#[derive(Debug)]
pub enum SaveStep {
    /// Storage holds the save this tab is based on (or nothing, and this
    /// tab never saw anything stored): write.
    Write,
    /// The save this tab was based on was removed by another tab or
    /// program: write this tab's workspace back, and tell the user.
    WriteBack,
    /// Another tab saved a newer revision, or a different save of the same
    /// revision: write nothing; the user chooses which version to keep.
    Conflict {
        /// Which save storage holds.
        id: SaveId,
        /// The other tab's workspace.
        theirs: Box<Workspace>,
    },
    /// A newer Clientele saved: write nothing, ever.
    Refuse {
        /// The schema version found.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
    /// Unreadable text: set it aside unchanged, then write.
    SetAside {
        /// The text to set aside.
        text: String,
        /// Why it cannot be read.
        reason: FormatError,
    },
}

/// Decides a save by a tab based on `base` (the save it last read or wrote;
/// `None` if it found nothing stored), given what storage holds now.
pub fn before_save(base: Option<SaveId>, stored: Stored) -> SaveStep {
    match stored {
        Stored::Missing if base.is_some() => SaveStep::WriteBack,
        Stored::Missing => SaveStep::Write,
        Stored::Unchanged => SaveStep::Write,
        Stored::Saved { id, .. } if Some(id) == base => SaveStep::Write,
        // Older than this tab's base: written by a tab that missed this
        // tab's saves. This tab's data is the newer one.
        Stored::Saved { id, .. } if id.revision < revision_of(base) => SaveStep::Write,
        // Newer, or the same revision saved differently: another tab
        // saved what this tab has not seen.
        Stored::Saved { id, workspace, .. } => SaveStep::Conflict {
            id,
            theirs: workspace,
        },
        Stored::FromNewerVersion { found, supported } => SaveStep::Refuse { found, supported },
        Stored::Unreadable { text, reason } => SaveStep::SetAside { text, reason },
    }
}

/// What a tab does when another tab or program changed the workspace key.
#[derive(Debug)]
pub enum HeardStep {
    /// Nothing this tab needs: its own save, an older one, or nothing
    /// stored where it never saw anything.
    Ignore,
    /// A newer save and no unsaved changes here: show it.
    TakeTheirs {
        /// Which save storage holds.
        id: SaveId,
        /// The other tab's workspace.
        theirs: Box<Workspace>,
    },
    /// A save this tab cannot take without losing its own work: unsaved
    /// changes here, or a different save of the revision this tab saved
    /// (then this tab's save was written over, and its data lives only
    /// here). The user chooses which version to keep.
    Conflict {
        /// Which save storage holds.
        id: SaveId,
        /// The other tab's workspace.
        theirs: Box<Workspace>,
    },
    /// The key was removed (or storage cleared) under this tab: write this
    /// tab's workspace back and tell the user.
    WriteBack,
    /// A newer Clientele saved: this tab becomes read-only.
    NewerVersion {
        /// The schema version found.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
}

/// Decides what a tab based on `base`, with or without `unsaved_changes`,
/// does when storage changed under it and now holds `stored`.
pub fn after_other_tab(base: Option<SaveId>, unsaved_changes: bool, stored: Stored) -> HeardStep {
    match stored {
        Stored::Missing if base.is_some() => HeardStep::WriteBack,
        Stored::Missing => HeardStep::Ignore,
        Stored::Unchanged => HeardStep::Ignore,
        Stored::Saved { id, .. } if Some(id) == base => HeardStep::Ignore,
        Stored::Saved { id, .. } if id.revision < revision_of(base) => HeardStep::Ignore,
        Stored::Saved { id, workspace, .. }
            if id.revision > revision_of(base) && !unsaved_changes =>
        {
            HeardStep::TakeTheirs {
                id,
                theirs: workspace,
            }
        }
        Stored::Saved { id, workspace, .. } => HeardStep::Conflict {
            id,
            theirs: workspace,
        },
        Stored::FromNewerVersion { found, supported } => {
            HeardStep::NewerVersion { found, supported }
        }
        // Set aside by the next save, inside the lock.
        Stored::Unreadable { .. } => HeardStep::Ignore,
    }
}

/// What a tab found in storage when it opened.
#[derive(Debug)]
pub enum Opened {
    /// The browser gives no storage: the tab works in memory.
    Unavailable,
    /// Storage failed on reading. Something may be stored, so the tab must
    /// not write over it.
    ReadFailed(StorageError),
    /// Nothing stored yet.
    Nothing,
    /// A workspace this version reads.
    Found {
        /// Which save it is.
        id: SaveId,
        /// The workspace as decoded.
        workspace: Box<Workspace>,
        /// What migrating it from an older version changed that the user
        /// must hear about.
        notes: Vec<MigrationNote>,
    },
    /// Unreadable text, moved unchanged to `key`; the tab starts empty.
    SetAside {
        /// Where the text now is.
        key: StorageKey,
        /// Why it could not be read.
        reason: FormatError,
    },
    /// Unreadable text that could not be moved aside: the tab must not
    /// write over it.
    UnreadableKept {
        /// Why it could not be read.
        reason: FormatError,
        /// Why it could not be moved.
        move_error: StorageError,
    },
    /// From a newer Clientele: never to be written over.
    FromNewerVersion {
        /// The schema version found.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
}

/// Reads the workspace from `slots` as a tab opens, setting unreadable
/// text aside at `at`. Never writes over data it could not read.
pub fn open(slots: &impl Slots, at: Timestamp) -> Opened {
    let mut tries = SET_ASIDE_TRIES;
    loop {
        let text = match slots.read(&StorageKey::Workspace) {
            Ok(text) => text,
            Err(StorageError::Unavailable) => return Opened::Unavailable,
            Err(error) => return Opened::ReadFailed(error),
        };
        return match Stored::from_text(text) {
            // `Unchanged` needs a base, which an opening tab has not.
            Stored::Missing | Stored::Unchanged => Opened::Nothing,
            Stored::Saved {
                id,
                workspace,
                notes,
            } => Opened::Found {
                id,
                workspace,
                notes,
            },
            Stored::FromNewerVersion { found, supported } => {
                Opened::FromNewerVersion { found, supported }
            }
            Stored::Unreadable { text, reason } => {
                match set_aside(slots, &StorageKey::Workspace, &text, at) {
                    Ok(key) => Opened::SetAside { key, reason },
                    // Another tab saved over it meanwhile: read what it saved.
                    Err(StorageError::ChangedMeanwhile) if tries > 1 => {
                        tries -= 1;
                        continue;
                    }
                    Err(move_error) => Opened::UnreadableKept { reason, move_error },
                }
            }
        };
    }
}

/// Why a save wrote nothing.
#[derive(Debug)]
pub enum Blocked {
    /// Storage holds a save this tab has not seen: newer, or the same
    /// revision saved by another tab. The user chooses.
    Conflict {
        /// Which save storage holds.
        id: SaveId,
        /// The other tab's workspace.
        theirs: Box<Workspace>,
    },
    /// Storage holds data from a newer Clientele.
    NewerVersion {
        /// The schema version found.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
    /// Storage refused.
    Storage(StorageError),
}

/// A save as written.
#[derive(Debug, PartialEq, Eq)]
pub struct Saved {
    /// The save now stored, which the tab is based on from now on.
    pub id: SaveId,
    /// Storage no longer held this tab's save (another tab or program
    /// removed it): the workspace was written back.
    pub written_back: bool,
}

/// What one save did.
#[derive(Debug)]
pub struct Attempt {
    /// Unreadable text found and moved aside (even if the write then
    /// failed).
    pub set_aside: Option<(StorageKey, FormatError)>,
    /// The save, or why nothing was written.
    pub result: Result<Saved, Blocked>,
}

/// Saves `workspace` for a tab based on `base` (see [`before_save`]): reads
/// what is stored, sets unreadable text aside, and writes `workspace` as
/// the revision after `base`, saved `at`, only if storage still holds the
/// save `base`. The workspace is stamped with its new revision and time
/// only when it is written; otherwise it is left exactly as it was. Run it
/// inside the cross-tab lock where the browser has one: from its read to
/// its write nothing else runs.
pub fn save(
    slots: &impl Slots,
    base: Option<SaveId>,
    workspace: &mut Workspace,
    at: Timestamp,
) -> Attempt {
    let mut set_aside_here = None;
    let mut result = Err(Blocked::Storage(StorageError::ChangedMeanwhile));
    for _ in 0..SET_ASIDE_TRIES {
        let text = match slots.read(&StorageKey::Workspace) {
            Ok(text) => text,
            Err(error) => {
                result = Err(Blocked::Storage(error));
                break;
            }
        };
        let written_back = match before_save(base, Stored::since(base, text)) {
            SaveStep::Write => false,
            SaveStep::WriteBack => true,
            SaveStep::Conflict { id, theirs } => {
                result = Err(Blocked::Conflict { id, theirs });
                break;
            }
            SaveStep::Refuse { found, supported } => {
                result = Err(Blocked::NewerVersion { found, supported });
                break;
            }
            SaveStep::SetAside { text, reason } => {
                match set_aside(slots, &StorageKey::Workspace, &text, at) {
                    Ok(key) => {
                        set_aside_here = Some((key, reason));
                        false
                    }
                    // Another tab saved over it meanwhile: read again.
                    Err(StorageError::ChangedMeanwhile) => continue,
                    Err(error) => {
                        result = Err(Blocked::Storage(error));
                        break;
                    }
                }
            }
        };
        result = write(slots, base, workspace, at).map(|id| Saved { id, written_back });
        break;
    }
    Attempt {
        set_aside: set_aside_here,
        result,
    }
}

/// Writes `workspace` as the revision after `base`, stamped only if the
/// write holds.
fn write(
    slots: &impl Slots,
    base: Option<SaveId>,
    workspace: &mut Workspace,
    at: Timestamp,
) -> Result<SaveId, Blocked> {
    let before = (workspace.revision, workspace.updated_at);
    workspace.stamp_saved(revision_of(base), at);
    let text = format::encode_stored(workspace, at);
    match slots.write(&StorageKey::Workspace, &text) {
        Ok(()) => Ok(SaveId::of(workspace.revision, &text)),
        Err(error) => {
            (workspace.revision, workspace.updated_at) = before;
            Err(Blocked::Storage(error))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;
    use crate::storage::memory::MemorySlots;

    fn at(millis: i64) -> Timestamp {
        Timestamp::from_millis(1_790_000_000_000 + millis)
    }

    /// A workspace named `name` saved as `revision` at `millis`, as storage
    /// would hold it, and its id.
    fn saved(name: &str, revision: u64, millis: i64) -> (String, SaveId) {
        let mut ws = Workspace::new(at(0));
        ws.name = name.into();
        ws.stamp_saved(revision - 1, at(millis));
        let text = format::encode_stored(&ws, at(millis));
        let id = SaveId::of(revision, &text);
        (text, id)
    }

    fn stored(text: &str) -> Stored {
        Stored::from_text(Some(text.to_owned()))
    }

    #[test]
    fn a_save_is_known_by_its_text_not_only_its_revision() {
        let (mine, my_id) = saved("Mine", 5, 1);
        let (theirs, their_id) = saved("Theirs", 5, 1);
        assert_eq!(my_id.revision, their_id.revision);
        assert_ne!(
            my_id, their_id,
            "same revision, same millisecond, other content"
        );
        assert_eq!(
            SaveId::of(5, &mine),
            my_id,
            "the same text is the same save"
        );
        let (_, later) = saved("Mine", 5, 2);
        assert_ne!(my_id, later, "same content saved at another moment");
        assert_ne!(SaveId::of(5, &theirs), SaveId::of(6, &theirs));
    }

    #[test]
    fn a_tabs_own_save_is_known_without_decoding_it() {
        let (text, id) = saved("Acme", 4, 0);
        let (other, _) = saved("Acme", 4, 1);
        assert!(matches!(
            Stored::since(Some(id), Some(text.clone())),
            Stored::Unchanged
        ));
        assert!(matches!(
            before_save(Some(id), Stored::since(Some(id), Some(text.clone()))),
            SaveStep::Write
        ));
        assert!(matches!(
            after_other_tab(Some(id), true, Stored::since(Some(id), Some(text.clone()))),
            HeardStep::Ignore
        ));
        // Any other text is decoded and decided on as before.
        assert!(matches!(
            Stored::since(Some(id), Some(other.clone())),
            Stored::Saved { .. }
        ));
        assert!(matches!(
            Stored::since(None, Some(text.clone())),
            Stored::Saved { .. }
        ));
        assert!(matches!(Stored::since(Some(id), None), Stored::Missing));
        // A save kept only in memory is never taken for stored text.
        assert!(!SaveId::in_memory(4).is_text_of(&text));
    }

    #[test]
    fn reading_storage_tells_every_case_apart() {
        assert!(matches!(Stored::from_text(None), Stored::Missing));
        let (text, id) = saved("Acme", 3, 0);
        match stored(&text) {
            Stored::Saved {
                id: read,
                workspace,
                ..
            } => {
                assert_eq!(read, id);
                assert_eq!(workspace.name, "Acme");
            }
            other => panic!("{other:?}"),
        }
        let newer = text.replace(
            &format!("\"schema_version\":{}", format::SCHEMA_VERSION),
            "\"schema_version\":99",
        );
        assert!(matches!(
            stored(&newer),
            Stored::FromNewerVersion { found: 99, .. }
        ));
        match stored("{not json") {
            Stored::Unreadable { text, .. } => assert_eq!(text, "{not json"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_save_writes_over_its_own_base_and_over_nothing() {
        let (text, id) = saved("Acme", 4, 0);
        assert!(matches!(
            before_save(Some(id), stored(&text)),
            SaveStep::Write
        ));
        assert!(matches!(
            before_save(None, Stored::Missing),
            SaveStep::Write
        ));
    }

    #[test]
    fn a_save_writes_back_a_workspace_removed_under_it() {
        let (_, id) = saved("Acme", 4, 0);
        assert!(matches!(
            before_save(Some(id), Stored::Missing),
            SaveStep::WriteBack
        ));
    }

    #[test]
    fn a_save_never_writes_over_a_newer_revision() {
        let (_, base) = saved("Acme", 4, 0);
        let (newer, newer_id) = saved("Theirs", 5, 1);
        match before_save(Some(base), stored(&newer)) {
            SaveStep::Conflict { id, theirs } => {
                assert_eq!(id, newer_id);
                assert_eq!(theirs.name, "Theirs");
            }
            other => panic!("{other:?}"),
        }
        let (first, _) = saved("First save elsewhere", 1, 1);
        assert!(
            matches!(before_save(None, stored(&first)), SaveStep::Conflict { .. }),
            "a tab that found nothing stored does not write over a first save"
        );
    }

    #[test]
    fn a_save_never_writes_over_another_save_of_the_same_revision() {
        // Both tabs started from revision 4; the other one saved its
        // revision 5 first, or this tab's revision 5 was written over.
        let (_, mine) = saved("Mine", 5, 1);
        let (theirs, their_id) = saved("Theirs", 5, 1);
        match before_save(Some(mine), stored(&theirs)) {
            SaveStep::Conflict { id, theirs } => {
                assert_eq!(id, their_id);
                assert_eq!(theirs.name, "Theirs");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_save_writes_over_an_older_revision() {
        let (_, base) = saved("Acme", 5, 0);
        let (older, _) = saved("Stale", 4, 9);
        assert!(matches!(
            before_save(Some(base), stored(&older)),
            SaveStep::Write
        ));
    }

    #[test]
    fn a_save_refuses_newer_versions_and_sets_unreadable_text_aside() {
        let (text, base) = saved("Acme", 4, 0);
        let newer = text.replace(
            &format!("\"schema_version\":{}", format::SCHEMA_VERSION),
            "\"schema_version\":99",
        );
        assert!(matches!(
            before_save(Some(base), stored(&newer)),
            SaveStep::Refuse { found: 99, .. }
        ));
        match before_save(Some(base), stored("garbage")) {
            SaveStep::SetAside { text, .. } => assert_eq!(text, "garbage"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_newer_save_elsewhere_is_taken_unless_this_tab_has_changes() {
        let (_, base) = saved("Acme", 4, 0);
        let (newer, newer_id) = saved("Theirs", 5, 1);
        match after_other_tab(Some(base), false, stored(&newer)) {
            HeardStep::TakeTheirs { id, theirs } => {
                assert_eq!(id, newer_id);
                assert_eq!(theirs.name, "Theirs");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            after_other_tab(Some(base), true, stored(&newer)),
            HeardStep::Conflict { .. }
        ));
        assert!(matches!(
            after_other_tab(None, false, stored(&newer)),
            HeardStep::TakeTheirs { .. }
        ));
    }

    #[test]
    fn another_save_of_the_revision_this_tab_saved_is_a_conflict_even_without_changes() {
        // This tab saved revision 5; another tab, also from revision 4,
        // wrote its own revision 5 over it. Taking it would lose this
        // tab's save without a word.
        let (_, mine) = saved("Mine", 5, 1);
        let (theirs, their_id) = saved("Theirs", 5, 2);
        for unsaved_changes in [false, true] {
            match after_other_tab(Some(mine), unsaved_changes, stored(&theirs)) {
                HeardStep::Conflict { id, theirs } => {
                    assert_eq!(id, their_id);
                    assert_eq!(theirs.name, "Theirs");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn this_tabs_own_save_and_older_ones_are_ignored() {
        let (text, base) = saved("Acme", 5, 0);
        let (older, _) = saved("Stale", 4, 3);
        for unsaved_changes in [false, true] {
            assert!(matches!(
                after_other_tab(Some(base), unsaved_changes, stored(&text)),
                HeardStep::Ignore
            ));
            assert!(matches!(
                after_other_tab(Some(base), unsaved_changes, stored(&older)),
                HeardStep::Ignore
            ));
        }
    }

    #[test]
    fn a_removed_workspace_is_written_back_if_this_tab_had_one() {
        let (_, base) = saved("Acme", 5, 0);
        for unsaved_changes in [false, true] {
            assert!(matches!(
                after_other_tab(Some(base), unsaved_changes, Stored::Missing),
                HeardStep::WriteBack
            ));
        }
        assert!(
            matches!(
                after_other_tab(None, false, Stored::Missing),
                HeardStep::Ignore
            ),
            "nothing was stored from this tab, so nothing is missing"
        );
    }

    #[test]
    fn newer_versions_elsewhere_are_reported_and_unreadable_text_left_to_the_save() {
        let (text, base) = saved("Acme", 5, 0);
        let newer = text.replace(
            &format!("\"schema_version\":{}", format::SCHEMA_VERSION),
            "\"schema_version\":99",
        );
        assert!(matches!(
            after_other_tab(Some(base), false, stored(&newer)),
            HeardStep::NewerVersion { found: 99, .. }
        ));
        assert!(matches!(
            after_other_tab(Some(base), true, stored("garbage")),
            HeardStep::Ignore
        ));
    }

    // Opening and saving, step by step, against storage as a map.

    fn newer_than_this_version(text: &str) -> String {
        text.replace(
            &format!("\"schema_version\":{}", format::SCHEMA_VERSION),
            "\"schema_version\":99",
        )
    }

    fn stored_name(slots: &MemorySlots) -> Option<String> {
        slots
            .get(&StorageKey::Workspace)
            .map(|text| format::decode_workspace(&text).unwrap().name)
    }

    #[test]
    fn opening_finds_nothing_a_workspace_or_a_newer_versions_data() {
        assert!(matches!(
            open(&MemorySlots::default(), at(9)),
            Opened::Nothing
        ));
        let (text, id) = saved("Acme", 3, 0);
        match open(&MemorySlots::holding(&text), at(9)) {
            Opened::Found {
                id: found,
                workspace,
                notes,
            } => {
                assert_eq!(found, id);
                assert_eq!(workspace.name, "Acme");
                assert!(notes.is_empty());
            }
            other => panic!("{other:?}"),
        }
        let newer = MemorySlots::holding(&newer_than_this_version(&text));
        assert!(matches!(
            open(&newer, at(9)),
            Opened::FromNewerVersion { found: 99, .. }
        ));
    }

    #[test]
    fn opening_tells_no_storage_from_storage_that_fails() {
        let mut slots = MemorySlots::holding("kept");
        slots.failing_reads = Some(StorageError::Unavailable);
        assert!(matches!(open(&slots, at(0)), Opened::Unavailable));
        slots.failing_reads = Some(StorageError::Browser("broken".into()));
        assert!(matches!(
            open(&slots, at(0)),
            Opened::ReadFailed(StorageError::Browser(_))
        ));
    }

    #[test]
    fn opening_sets_unreadable_text_aside_unchanged_or_else_keeps_it() {
        let slots = MemorySlots::holding("{damaged");
        match open(&slots, at(7)) {
            Opened::SetAside { key, .. } => {
                assert_eq!(key, StorageKey::Quarantine(at(7)));
                assert_eq!(slots.get(&key).as_deref(), Some("{damaged"));
                assert_eq!(slots.get(&StorageKey::Workspace), None);
            }
            other => panic!("{other:?}"),
        }
        // Full storage: the copy cannot be written, so the text stays
        // where it is and the tab must not write over it.
        let mut full = MemorySlots::holding("{damaged");
        full.failing_writes = Some(StorageError::QuotaExceeded);
        assert!(matches!(
            open(&full, at(7)),
            Opened::UnreadableKept {
                move_error: StorageError::QuotaExceeded,
                ..
            }
        ));
        assert_eq!(
            full.get(&StorageKey::Workspace).as_deref(),
            Some("{damaged")
        );
    }

    #[test]
    fn opening_reads_a_save_made_while_setting_aside() {
        let (theirs, id) = saved("Theirs", 2, 0);
        let mut slots = MemorySlots::holding("{damaged");
        // Another tab saves right after the copy is written.
        slots.after_writes(move |s| s.put(&StorageKey::Workspace, &theirs));
        match open(&slots, at(7)) {
            Opened::Found { id: found, .. } => assert_eq!(found, id),
            other => panic!("{other:?}"),
        }
        assert_eq!(slots.keys().unwrap(), vec![StorageKey::Workspace]);
    }

    #[test]
    fn a_first_save_writes_revision_one_and_is_known_by_its_text() {
        let slots = MemorySlots::default();
        let mut ws = Workspace::new(at(0));
        ws.name = "Acme".into();
        let attempt = save(&slots, None, &mut ws, at(5));
        let saved = attempt.result.unwrap();
        assert!(!saved.written_back);
        assert_eq!((ws.revision, ws.updated_at), (1, at(5)));
        let text = slots.get(&StorageKey::Workspace).unwrap();
        assert_eq!(saved.id, SaveId::of(1, &text));
        assert_eq!(stored_name(&slots).as_deref(), Some("Acme"));
        // The next save builds on it.
        ws.name = "Acme Ltd".into();
        let next = save(&slots, Some(saved.id), &mut ws, at(6)).result.unwrap();
        assert_eq!(next.id.revision, 2);
        assert_eq!(stored_name(&slots).as_deref(), Some("Acme Ltd"));
    }

    #[test]
    fn a_save_writes_back_what_another_tab_removed_and_says_so() {
        let (_, base) = saved("Acme", 4, 0);
        let slots = MemorySlots::default();
        let mut ws = Workspace::new(at(0));
        let saved = save(&slots, Some(base), &mut ws, at(5)).result.unwrap();
        assert!(saved.written_back);
        assert_eq!(saved.id.revision, 5);
    }

    #[test]
    fn a_save_blocked_by_another_tab_or_a_newer_version_writes_nothing_and_stamps_nothing() {
        let (_, base) = saved("Mine", 4, 0);
        let (theirs, their_id) = saved("Theirs", 5, 1);
        let slots = MemorySlots::holding(&theirs);
        let mut ws = Workspace::new(at(0));
        ws.name = "Mine".into();
        let unchanged = (ws.revision, ws.updated_at);
        match save(&slots, Some(base), &mut ws, at(5)).result {
            Err(Blocked::Conflict { id, theirs }) => {
                assert_eq!(id, their_id);
                assert_eq!(theirs.name, "Theirs");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!((ws.revision, ws.updated_at), unchanged);
        assert_eq!(stored_name(&slots).as_deref(), Some("Theirs"));

        let newer = newer_than_this_version(&theirs);
        let slots = MemorySlots::holding(&newer);
        assert!(matches!(
            save(&slots, Some(base), &mut ws, at(5)).result,
            Err(Blocked::NewerVersion { found: 99, .. })
        ));
        assert_eq!(slots.get(&StorageKey::Workspace), Some(newer));
        assert_eq!((ws.revision, ws.updated_at), unchanged);
    }

    #[test]
    fn a_save_that_storage_refuses_leaves_the_stored_save_and_the_workspace_as_they_were() {
        let (text, base) = saved("Acme", 4, 0);
        let mut slots = MemorySlots::holding(&text);
        slots.failing_writes = Some(StorageError::QuotaExceeded);
        let mut ws = format::decode_workspace(&text).unwrap();
        ws.name = "Acme Ltd".into();
        assert!(matches!(
            save(&slots, Some(base), &mut ws, at(5)).result,
            Err(Blocked::Storage(StorageError::QuotaExceeded))
        ));
        assert_eq!((ws.revision, ws.updated_at), (4, at(0)));
        assert_eq!(slots.get(&StorageKey::Workspace), Some(text));
    }

    #[test]
    fn a_save_sets_unreadable_text_aside_then_writes() {
        let slots = MemorySlots::holding("{damaged");
        let mut ws = Workspace::new(at(0));
        let attempt = save(&slots, None, &mut ws, at(5));
        let (key, _) = attempt.set_aside.expect("set aside");
        assert_eq!(slots.get(&key).as_deref(), Some("{damaged"));
        assert_eq!(attempt.result.unwrap().id.revision, 1);
        assert!(stored_name(&slots).is_some());
    }
}
