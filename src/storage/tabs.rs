//! The rules of saving between tabs, in plain Rust so that every transition
//! is tested natively. The app reads storage, asks these functions what to
//! do, and does it; nothing here touches the browser.
//!
//! A tab remembers the exact save it last read or wrote (its [`SaveId`]).
//! A revision number alone cannot tell two saves apart: two tabs that both
//! start from revision 4 both write a revision 5. So a save is known by its
//! revision *and* a fingerprint of the stored text, and storage holding the
//! same revision with other text is a different save, never "the same".

use super::chunks::{self, ChunkMemo};
use super::set_aside::set_aside;
use super::{Slots, StorageError, StorageKey, fingerprint};
use crate::domain::sorting::sort_with;
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
        /// What its chunks hold, so that the next save writes only the
        /// chunks whose profiles change.
        memo: ChunkMemo,
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
    pub fn since(base: Option<SaveId>, text: Option<String>, slots: &impl Slots) -> Self {
        match (base, &text) {
            (Some(base), Some(stored)) if base.is_text_of(stored) => Self::Unchanged,
            _ => Self::from_text(text, slots),
        }
    }

    /// Decodes the text stored under the workspace key (`None`: no key),
    /// with the chunks it lists from `slots`. A chunk that cannot be read
    /// makes the whole unreadable: a workspace missing some profiles is
    /// never taken for the whole.
    pub fn from_text(text: Option<String>, slots: &impl Slots) -> Self {
        let Some(text) = text else {
            return Self::Missing;
        };
        match format::stored::decode_stored(&text, &mut |name| chunks::read(slots, name)) {
            Ok(stored) => Self::Saved {
                id: SaveId::of(stored.workspace.revision, &text),
                memo: ChunkMemo::of(&stored.workspace, &stored.chunks),
                workspace: Box::new(stored.workspace),
                notes: stored.notes,
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
        /// What its chunks hold, for this tab's next save.
        memo: ChunkMemo,
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
        Stored::Saved {
            id,
            workspace,
            memo,
            ..
        } if id.revision > revision_of(base) && !unsaved_changes => HeardStep::TakeTheirs {
            id,
            theirs: workspace,
            memo,
        },
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
        /// What its chunks hold, for the tab's saves.
        memo: ChunkMemo,
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
        return match Stored::from_text(text, slots) {
            // `Unchanged` needs a base, which an opening tab has not.
            Stored::Missing | Stored::Unchanged => Opened::Nothing,
            Stored::Saved {
                id,
                workspace,
                notes,
                memo,
            } => Opened::Found {
                id,
                workspace,
                notes,
                memo,
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
///
/// Only the chunks whose profiles changed since this tab last stored or
/// read them (`memo`, updated by the save) are written, then the
/// workspace's manifest, which makes the save; the chunks only the
/// replaced save listed are removed after it.
pub fn save(
    slots: &impl Slots,
    base: Option<SaveId>,
    memo: &mut ChunkMemo,
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
        // The chunks of the save written over, to remove once it is.
        let replaced = text.as_deref().map(format::stored::chunk_names);
        let written_back = match before_save(base, Stored::since(base, text, slots)) {
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
                        // Its chunks stay with it.
                        result = write(slots, base, memo, workspace, at, &[]).map(|id| Saved {
                            id,
                            written_back: false,
                        });
                        break;
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
        let replaced = replaced.unwrap_or_default();
        result =
            write(slots, base, memo, workspace, at, &replaced).map(|id| Saved { id, written_back });
        break;
    }
    Attempt {
        set_aside: set_aside_here,
        result,
    }
}

/// Writes `workspace` as the revision after `base`, stamped only if the
/// write holds: its new chunks first, then its manifest, which makes the
/// save. Then removes the chunks `replaced` (listed by the save written
/// over) that it no longer lists. On failure it removes the chunks it
/// wrote, and storage holds the save it held before.
fn write(
    slots: &impl Slots,
    base: Option<SaveId>,
    memo: &mut ChunkMemo,
    workspace: &mut Workspace,
    at: Timestamp,
    replaced: &[String],
) -> Result<SaveId, Blocked> {
    let mut present: Vec<String> = slots
        .keys()
        .map_err(Blocked::Storage)?
        .into_iter()
        .filter_map(|key| match key {
            StorageKey::Chunk(name) => Some(name),
            _ => None,
        })
        .collect();
    let before = (workspace.revision, workspace.updated_at);
    workspace.stamp_saved(revision_of(base), at);
    // With the one sort the app compiles (see `domain::sorting`).
    sort_with(&mut present, Ord::cmp);
    let plan = chunks::plan(workspace, memo, &present);
    let undo = |written: &[(String, String)], error| {
        for (name, _) in written {
            // The save is refused either way; a chunk left behind is
            // removed by the next save that finds it unlisted.
            let _ = slots.remove(&StorageKey::Chunk(name.clone()));
        }
        Blocked::Storage(error)
    };
    for (i, (name, text)) in plan.new.iter().enumerate() {
        if let Err(error) = slots.write(&StorageKey::Chunk(name.clone()), text) {
            (workspace.revision, workspace.updated_at) = before;
            return Err(undo(&plan.new[..i], error));
        }
    }
    let text = format::stored::encode_manifest(workspace, &plan.names, at);
    if let Err(error) = slots.write(&StorageKey::Workspace, &text) {
        (workspace.revision, workspace.updated_at) = before;
        return Err(undo(&plan.new, error));
    }
    let mut listed = plan.names.clone();
    sort_with(&mut listed, Ord::cmp);
    for name in replaced
        .iter()
        .filter(|name| listed.binary_search(name).is_err())
    {
        // Left behind only costs space; the save is made.
        let _ = slots.remove(&StorageKey::Chunk(name.clone()));
    }
    *memo = std::mem::take(memo).after(plan);
    Ok(SaveId::of(workspace.revision, &text))
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

    /// Storage with no chunks, for stored text that lists none.
    const NO_CHUNKS: NoChunks = NoChunks;

    struct NoChunks;
    impl Slots for NoChunks {
        fn read(&self, _: &StorageKey) -> Result<Option<String>, StorageError> {
            Ok(None)
        }
        fn write(&self, _: &StorageKey, _: &str) -> Result<(), StorageError> {
            unreachable!("reading never writes")
        }
        fn remove(&self, _: &StorageKey) -> Result<(), StorageError> {
            unreachable!("reading never removes")
        }
        fn keys(&self) -> Result<Vec<StorageKey>, StorageError> {
            Ok(Vec::new())
        }
    }

    /// A save by a tab that knows nothing of the stored chunks.
    fn save_anew(
        slots: &MemorySlots,
        base: Option<SaveId>,
        ws: &mut Workspace,
        at: Timestamp,
    ) -> Attempt {
        save(slots, base, &mut ChunkMemo::default(), ws, at)
    }

    fn stored(text: &str) -> Stored {
        Stored::from_text(Some(text.to_owned()), &NO_CHUNKS)
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
            Stored::since(Some(id), Some(text.clone()), &NO_CHUNKS),
            Stored::Unchanged
        ));
        assert!(matches!(
            before_save(
                Some(id),
                Stored::since(Some(id), Some(text.clone()), &NO_CHUNKS)
            ),
            SaveStep::Write
        ));
        assert!(matches!(
            after_other_tab(
                Some(id),
                true,
                Stored::since(Some(id), Some(text.clone()), &NO_CHUNKS)
            ),
            HeardStep::Ignore
        ));
        // Any other text is decoded and decided on as before.
        assert!(matches!(
            Stored::since(Some(id), Some(other.clone()), &NO_CHUNKS),
            Stored::Saved { .. }
        ));
        assert!(matches!(
            Stored::since(None, Some(text.clone()), &NO_CHUNKS),
            Stored::Saved { .. }
        ));
        assert!(matches!(
            Stored::since(Some(id), None, &NO_CHUNKS),
            Stored::Missing
        ));
        // A save kept only in memory is never taken for stored text.
        assert!(!SaveId::in_memory(4).is_text_of(&text));
    }

    #[test]
    fn reading_storage_tells_every_case_apart() {
        assert!(matches!(
            Stored::from_text(None, &NO_CHUNKS),
            Stored::Missing
        ));
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
            HeardStep::TakeTheirs { id, theirs, .. } => {
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
                ..
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
        let attempt = save_anew(&slots, None, &mut ws, at(5));
        let saved = attempt.result.unwrap();
        assert!(!saved.written_back);
        assert_eq!((ws.revision, ws.updated_at), (1, at(5)));
        let text = slots.get(&StorageKey::Workspace).unwrap();
        assert_eq!(saved.id, SaveId::of(1, &text));
        assert_eq!(stored_name(&slots).as_deref(), Some("Acme"));
        // The next save builds on it.
        ws.name = "Acme Ltd".into();
        let next = save_anew(&slots, Some(saved.id), &mut ws, at(6))
            .result
            .unwrap();
        assert_eq!(next.id.revision, 2);
        assert_eq!(stored_name(&slots).as_deref(), Some("Acme Ltd"));
    }

    #[test]
    fn a_save_writes_back_what_another_tab_removed_and_says_so() {
        let (_, base) = saved("Acme", 4, 0);
        let slots = MemorySlots::default();
        let mut ws = Workspace::new(at(0));
        let saved = save_anew(&slots, Some(base), &mut ws, at(5))
            .result
            .unwrap();
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
        match save_anew(&slots, Some(base), &mut ws, at(5)).result {
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
            save_anew(&slots, Some(base), &mut ws, at(5)).result,
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
            save_anew(&slots, Some(base), &mut ws, at(5)).result,
            Err(Blocked::Storage(StorageError::QuotaExceeded))
        ));
        assert_eq!((ws.revision, ws.updated_at), (4, at(0)));
        assert_eq!(slots.get(&StorageKey::Workspace), Some(text));
    }

    #[test]
    fn a_save_sets_unreadable_text_aside_then_writes() {
        let slots = MemorySlots::holding("{damaged");
        let mut ws = Workspace::new(at(0));
        let attempt = save_anew(&slots, None, &mut ws, at(5));
        let (key, _) = attempt.set_aside.expect("set aside");
        assert_eq!(slots.get(&key).as_deref(), Some("{damaged"));
        assert_eq!(attempt.result.unwrap().id.revision, 1);
        assert!(stored_name(&slots).is_some());
    }

    /// A workspace of `n` profiles, each with a version.
    fn with_profiles(n: usize) -> Workspace {
        let mut ws = Workspace::new(at(0));
        for i in 0..n {
            let id = ws.add_profile(&format!("Company {i}"), at(0)).unwrap();
            ws.versions.insert(
                id.as_uuid(),
                crate::domain::share::Version {
                    clock: crate::domain::share::Clock::of("a", i as u64 + 1),
                    ..Default::default()
                },
            );
        }
        ws
    }

    fn chunk_keys(slots: &MemorySlots) -> std::collections::BTreeSet<String> {
        slots
            .keys()
            .unwrap()
            .into_iter()
            .filter_map(|key| match key {
                StorageKey::Chunk(name) => Some(name),
                _ => None,
            })
            .collect()
    }

    fn opened(slots: &MemorySlots) -> (SaveId, Workspace, ChunkMemo) {
        match open(slots, at(9)) {
            Opened::Found {
                id,
                workspace,
                memo,
                ..
            } => (id, *workspace, memo),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn profiles_are_saved_in_chunks_beside_the_workspace_and_read_back_whole() {
        let slots = MemorySlots::default();
        let mut ws = with_profiles(300);
        let saved = save_anew(&slots, None, &mut ws, at(5)).result.unwrap();
        let chunks = chunk_keys(&slots);
        assert!(chunks.len() >= 3, "300 profiles in {} chunks", chunks.len());
        let manifest = slots.get(&StorageKey::Workspace).unwrap();
        let file = format::unpacked(&manifest).unwrap();
        assert!(!file.contains("Company 1"), "no profile in the manifest");
        assert!(!file.contains(&ws.profiles[0].id.as_uuid().to_string()));
        assert_eq!(
            format::stored::chunk_names(&manifest).len(),
            chunks.len(),
            "the manifest lists every chunk"
        );
        let (id, read, _) = opened(&slots);
        assert_eq!(id, saved.id);
        assert_eq!(read, ws, "profiles, their order and their versions");
    }

    #[test]
    fn a_save_after_one_edit_writes_one_chunk_and_removes_the_one_it_replaces() {
        let slots = MemorySlots::default();
        let mut ws = with_profiles(300);
        let mut memo = ChunkMemo::default();
        let first = save(&slots, None, &mut memo, &mut ws, at(5))
            .result
            .unwrap();
        let before = chunk_keys(&slots);
        ws.profiles[157].name = "Renamed".into();
        let second = save(&slots, Some(first.id), &mut memo, &mut ws, at(6))
            .result
            .unwrap();
        let after = chunk_keys(&slots);
        assert_eq!(after.difference(&before).count(), 1, "one chunk written");
        assert_eq!(before.difference(&after).count(), 1, "the old one removed");

        // A tab that opens it knows its chunks as well.
        let (id, mut read, mut memo) = opened(&slots);
        assert_eq!(id, second.id);
        read.profiles[3].name = "Renamed too".into();
        let before = chunk_keys(&slots);
        save(&slots, Some(id), &mut memo, &mut read, at(7))
            .result
            .unwrap();
        let after = chunk_keys(&slots);
        assert_eq!(after.difference(&before).count(), 1);
        assert_eq!(before.difference(&after).count(), 1);
        assert_eq!(opened(&slots).1.profiles[3].name, "Renamed too");
    }

    #[test]
    fn a_missing_chunk_sets_the_workspace_aside_with_its_chunks_until_it_is_deleted() {
        let slots = MemorySlots::default();
        let mut ws = with_profiles(100);
        save_anew(&slots, None, &mut ws, at(5)).result.unwrap();
        let chunks = chunk_keys(&slots);
        let lost = chunks.iter().next().unwrap().clone();
        slots.remove(&StorageKey::Chunk(lost.clone())).unwrap();
        let key = match open(&slots, at(9)) {
            Opened::SetAside { key, reason } => {
                assert!(
                    matches!(&reason, FormatError::Damaged { detail } if detail.contains(&lost)),
                    "{reason:?}"
                );
                key
            }
            other => panic!("never a workspace with profiles missing: {other:?}"),
        };
        assert_eq!(chunk_keys(&slots).len(), chunks.len() - 1, "kept with it");
        // A new workspace saved meanwhile keeps its own chunks.
        let mut fresh = with_profiles(10);
        save_anew(&slots, None, &mut fresh, at(10)).result.unwrap();
        let own = format::stored::chunk_names(&slots.get(&StorageKey::Workspace).unwrap());
        super::super::delete_set_aside(&slots, &key).unwrap();
        assert_eq!(slots.get(&key), None);
        assert_eq!(
            chunk_keys(&slots).into_iter().collect::<Vec<_>>(),
            {
                let mut own = own;
                own.sort();
                own
            },
            "only the workspace's chunks are left"
        );
    }

    #[test]
    fn a_save_refused_part_way_leaves_the_last_save_whole_and_no_chunk_behind() {
        let mut slots = MemorySlots::default();
        let mut ws = with_profiles(300);
        let mut memo = ChunkMemo::default();
        let first = save(&slots, None, &mut memo, &mut ws, at(5))
            .result
            .unwrap();
        let before = chunk_keys(&slots);
        let stored = slots.get(&StorageKey::Workspace);
        for n in [0, 10, 50, 120, 270] {
            ws.profiles[n].name = format!("Edited {n}");
        }
        // Sorted, as a set is.
        let present: Vec<String> = chunk_keys(&slots).into_iter().collect();
        let new = chunks::plan(&ws, &memo, &present).new.len();
        assert!(new >= 2, "edits in {new} chunks");
        // A chunk's write fails, then the manifest's.
        for writes in [new / 2, new] {
            slots.writes_left.set(Some(writes));
            assert!(matches!(
                save(&slots, Some(first.id), &mut memo, &mut ws, at(6)).result,
                Err(Blocked::Storage(StorageError::QuotaExceeded))
            ));
            assert_eq!(chunk_keys(&slots), before, "after {writes} writes");
            assert_eq!(slots.get(&StorageKey::Workspace), stored);
            assert_eq!(ws.revision, 1, "not stamped");
        }
        slots.writes_left.set(None);
        slots.failing_writes = None;
        save(&slots, Some(first.id), &mut memo, &mut ws, at(7))
            .result
            .unwrap();
        assert_eq!(opened(&slots).1, ws);
    }

    #[test]
    fn a_workspace_stored_whole_by_an_earlier_version_is_read_and_saved_in_chunks() {
        let mut ws = with_profiles(50);
        ws.stamp_saved(2, at(1));
        let whole = format::encode_stored(&ws, at(1));
        let slots = MemorySlots::holding(&whole);
        let (id, mut read, mut memo) = opened(&slots);
        assert_eq!(read, ws);
        assert!(chunk_keys(&slots).is_empty());
        save(&slots, Some(id), &mut memo, &mut read, at(5))
            .result
            .unwrap();
        assert!(!chunk_keys(&slots).is_empty());
        assert_eq!(opened(&slots).1, read);
    }
}
