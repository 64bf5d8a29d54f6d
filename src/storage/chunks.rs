//! Which profiles go in which stored chunk, and which chunks a save must
//! write again (the stored form itself is [`crate::format::stored`]).
//!
//! - **Where chunks end.** A chunk ends after a profile whose id ends in
//!   four zero bits (one id in [`AVERAGE`]), or once it holds [`MOST`]
//!   profiles. The ends follow the profiles, not their positions: adding or
//!   removing a profile changes the chunk it is in, not every chunk after it.
//! - **Names.** A chunk is stored under a name made from its text (a 64-bit
//!   FNV-1a fingerprint), so the same chunk is never written twice and two
//!   tabs that store the same profiles agree on the name.
//! - **What changed.** The tab remembers, per chunk it stored or read, the
//!   [`Stamp`](crate::domain::profiles::Stamp)s of its profiles, and the
//!   stamps of every version ([`ChunkMemo`]). A chunk whose profiles and
//!   their versions have the same stamps is the stored one; only the others
//!   are encoded and written, so a save after an edit costs one chunk, not
//!   the workspace.

use super::{Slots, StorageKey, fingerprint};
use crate::domain::share::Versions;
use crate::domain::{Profile, Workspace};
use crate::format::stored::encode_chunk;
use std::ops::Range;
use uuid::Uuid;

/// How many profiles a chunk holds on average: a save after an edit
/// encodes and packs about this many, which is most of what it costs, and
/// 10,000 profiles make about 600 keys. Twice as many per chunk pack some
/// 7% tighter, but make that save take twice as long.
const AVERAGE: u128 = 16;

/// The most profiles a chunk holds, however the ids fall.
const MOST: usize = 100;

/// The text of the chunk named `name` in `slots`; `None` when it is
/// missing or cannot be read, which makes the workspace listing it
/// unreadable as a whole.
pub fn read(slots: &impl Slots, name: &str) -> Option<String> {
    slots
        .read(&StorageKey::Chunk(name.to_owned()))
        .ok()
        .flatten()
}

/// The runs of `profiles` that go in one chunk each, in order.
pub fn ranges(profiles: &[Profile]) -> Vec<Range<usize>> {
    let mut runs = Vec::with_capacity(profiles.len() / AVERAGE as usize + 1);
    let mut start = 0;
    for (i, profile) in profiles.iter().enumerate() {
        if profile.id.as_uuid().as_u128() % AVERAGE == 0 || i + 1 - start == MOST {
            runs.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < profiles.len() {
        runs.push(start..profiles.len());
    }
    runs
}

/// What one stored chunk holds: each profile's id and stamp.
#[derive(Debug, Clone, PartialEq)]
struct Held {
    rows: Vec<(Uuid, u64)>,
}

impl Held {
    fn of(profiles: &[Profile]) -> Self {
        Self {
            rows: profiles
                .iter()
                .map(|p| (p.id.as_uuid(), p.stamp.get()))
                .collect(),
        }
    }

    /// Whether `profiles` are what this chunk holds, with none of them
    /// among the records whose versions `changed` (sorted).
    fn is(&self, profiles: &[Profile], changed: &[Uuid]) -> bool {
        self.rows.len() == profiles.len()
            && self.rows.iter().zip(profiles).all(|(&(id, stamp), p)| {
                id == p.id.as_uuid()
                    && stamp == p.stamp.get()
                    && changed.binary_search(&id).is_err()
            })
    }
}

/// The chunks this tab knows storage holds, each with its name, found by
/// their first profile's id, and the versions stored with them. A cache
/// only: a chunk not in it is encoded again, and one in it is used only if
/// its key is still in storage. A list, not a map: a few hundred chunks
/// are searched in no time, and a map type of its own would cost the page
/// more code than it saves.
#[derive(Debug, Clone, Default)]
pub struct ChunkMemo {
    chunks: Vec<(String, Held)>,
    /// Every version's stamp as last stored, in id order, to find the few
    /// that changed in one pass: looking each profile's version up, or
    /// comparing versions field by field, took most of a save's time.
    versions: Vec<(Uuid, u64)>,
}

impl ChunkMemo {
    /// What the chunks of `layout` (each name with its number of profiles,
    /// in order) hold, as read into `workspace`.
    pub fn of(workspace: &Workspace, layout: &[(String, usize)]) -> Self {
        let mut chunks = Vec::with_capacity(layout.len());
        let mut start = 0;
        for (name, len) in layout {
            let Some(profiles) = workspace.profiles.get(start..start + len) else {
                break;
            };
            chunks.push((name.clone(), Held::of(profiles)));
            start += len;
        }
        Self {
            chunks,
            versions: stamps(&workspace.versions),
        }
    }

    /// Where the stored chunk that holds exactly `profiles` is in this
    /// memo, if this tab knows one and none of their versions `changed`.
    /// Chunks come in order, so the search starts `from` where the last
    /// one was found.
    fn find(&self, profiles: &[Profile], changed: &[Uuid], from: usize) -> Option<usize> {
        let first = profiles.first()?.id.as_uuid();
        let (earlier, later) = self.chunks.split_at(from.min(self.chunks.len()));
        let starts = |(_, held): &(String, Held)| held.rows[0].0 == first;
        let at = later
            .iter()
            .position(starts)
            .map(|i| from + i)
            .or_else(|| earlier.iter().position(starts))?;
        self.chunks[at].1.is(profiles, changed).then_some(at)
    }

    /// This memo after `plan` is written: the chunks it keeps are moved
    /// over, not read again.
    pub fn after(self, plan: Plan) -> Self {
        let mut known: Vec<Option<(String, Held)>> = self.chunks.into_iter().map(Some).collect();
        let chunks = plan
            .memo
            .into_iter()
            .filter_map(|chunk| match chunk {
                Planned::Known(at) => known.get_mut(at).and_then(Option::take),
                Planned::New(name, held) => Some((name, held)),
            })
            .collect();
        Self {
            chunks,
            versions: plan.versions,
        }
    }
}

/// Each version's id and stamp, in id order.
fn stamps(versions: &Versions) -> Vec<(Uuid, u64)> {
    versions
        .iter()
        .map(|(id, v)| (*id, v.stamp.get()))
        .collect()
}

/// The records whose versions differ between `stored` (stamps) and `now`,
/// found in one pass over both in id order, and so sorted. The same stamp
/// is the same version, so no version is compared field by field.
fn changed_versions(stored: &[(Uuid, u64)], now: &[(Uuid, u64)]) -> Vec<Uuid> {
    let mut changed = Vec::new();
    let (mut old, mut new) = (stored.iter().peekable(), now.iter().peekable());
    loop {
        match (old.peek(), new.peek()) {
            (None, None) => return changed,
            (Some((a, _)), Some((b, _))) if a < b => {
                changed.push(*a);
                old.next();
            }
            (Some((a, sa)), Some((b, sb))) if a == b => {
                if sa != sb {
                    changed.push(*a);
                }
                old.next();
                new.next();
            }
            (_, Some((b, _))) => {
                changed.push(*b);
                new.next();
            }
            (Some((a, _)), None) => {
                changed.push(*a);
                old.next();
            }
        }
    }
}

/// One chunk of a plan, for the memo after it.
enum Planned {
    /// The chunk at this place in the memo the plan was made with.
    Known(usize),
    /// A chunk the memo did not know, with what it holds.
    New(String, Held),
}

/// The chunks a save stores.
pub struct Plan {
    /// Every chunk's name, in order, for the manifest.
    pub names: Vec<String>,
    /// The chunks storage does not hold yet: name and text, to write
    /// before the manifest.
    pub new: Vec<(String, String)>,
    /// What storage holds once the save is written (see
    /// [`ChunkMemo::after`]).
    memo: Vec<Planned>,
    /// Every version's stamp once the save is written.
    versions: Vec<(Uuid, u64)>,
}

/// Plans the chunks of `workspace` for a save, given what this tab knows
/// storage holds (`memo`) and the chunk names `present` in storage now,
/// sorted.
pub fn plan(workspace: &Workspace, memo: &ChunkMemo, present: &[String]) -> Plan {
    let stored = |name: &String| present.binary_search(name).is_ok();
    let versions = stamps(&workspace.versions);
    let changed = changed_versions(&memo.versions, &versions);
    let profiles = workspace.profiles.as_slice();
    let runs = ranges(profiles);
    let mut plan = Plan {
        names: Vec::with_capacity(runs.len()),
        new: Vec::new(),
        memo: Vec::with_capacity(runs.len()),
        versions,
    };
    let mut from = 0;
    for run in runs {
        let some = &profiles[run];
        let known = memo
            .find(some, &changed, from)
            .filter(|&at| stored(&memo.chunks[at].0));
        if let Some(at) = known {
            from = at + 1;
            plan.names.push(memo.chunks[at].0.clone());
            plan.memo.push(Planned::Known(at));
            continue;
        }
        let text = encode_chunk(some, &workspace.versions);
        let name = format!("{:016x}", fingerprint(&text));
        if !stored(&name) && !plan.new.iter().any(|(n, _)| *n == name) {
            plan.new.push((name.clone(), text));
        }
        plan.memo.push(Planned::New(name.clone(), Held::of(some)));
        plan.names.push(name);
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;
    use crate::domain::id::ProfileId;
    use crate::domain::share::Version;

    /// A profile whose id ends a chunk or not.
    fn profile(ends_chunk: bool) -> Profile {
        let mut p = Profile::new("Acme".into(), Timestamp::from_millis(0));
        let mut bits = p.id.as_uuid().as_u128() & !0x1f;
        if !ends_chunk {
            bits |= 1;
        }
        p.id = ProfileId::from_uuid(Uuid::from_u128(bits));
        p
    }

    fn workspace(ends: &[bool]) -> Workspace {
        let mut ws = Workspace::new(Timestamp::from_millis(0));
        for &end in ends {
            ws.profiles.push(profile(end));
        }
        ws
    }

    #[test]
    fn chunks_end_after_ids_that_end_them_or_when_full() {
        let ws = workspace(&[false, true, false, false, true, false]);
        assert_eq!(ranges(&ws.profiles), vec![0..2, 2..5, 5..6]);
        let long = workspace(&vec![false; 250]);
        assert_eq!(ranges(&long.profiles), vec![0..100, 100..200, 200..250]);
        assert!(ranges(&[]).is_empty());
    }

    #[test]
    fn a_profile_added_or_removed_changes_only_its_own_chunk() {
        let mut ws = workspace(&[false, true, false, true, false, true]);
        let before = ranges(&ws.profiles);
        ws.profiles.insert(2, profile(false));
        assert_eq!(ranges(&ws.profiles), vec![0..2, 2..5, 5..7]);
        assert_eq!(before[0], 0..2, "the chunk before is the same");
        ws.profiles.remove(2);
        assert_eq!(ranges(&ws.profiles), before);
    }

    /// Storage as far as chunks go: the names stored, and what the tab
    /// remembers of them.
    #[derive(Default)]
    struct Stored {
        names: Vec<String>,
        memo: ChunkMemo,
    }

    impl Stored {
        /// Plans a save of `ws` and writes it: returns the chunks' names
        /// and how many were written.
        fn save(&mut self, ws: &Workspace) -> (Vec<String>, usize) {
            let plan = plan(ws, &self.memo, &self.names);
            let result = (plan.names.clone(), plan.new.len());
            self.names
                .extend(plan.new.iter().map(|(name, _)| name.clone()));
            // Sorted, as `plan` is given them.
            self.names.sort();
            self.memo = std::mem::take(&mut self.memo).after(plan);
            result
        }
    }

    #[test]
    fn a_save_writes_only_the_chunks_whose_profiles_or_versions_changed() {
        let mut ws = workspace(&[false, true, false, true, false, true]);
        let mut stored = Stored::default();
        let (first, written) = stored.save(&ws);
        assert_eq!(first.len(), 3);
        assert_eq!(written, 3, "nothing stored yet");

        assert_eq!(stored.save(&ws), (first.clone(), 0), "nothing changed");

        ws.profiles[2].name = "Cobalt".into();
        let (edited, written) = stored.save(&ws);
        assert_eq!(written, 1, "only the edited profile's chunk");
        assert_eq!(edited[0], first[0]);
        assert_ne!(edited[1], first[1]);
        assert_eq!(edited[2], first[2]);
        assert_eq!(stored.save(&ws), (edited.clone(), 0), "known from now on");

        let id = ws.profiles[4].id.as_uuid();
        ws.versions.insert(id, Version::default());
        let (versioned, written) = stored.save(&ws);
        assert_eq!(written, 1, "a version is stored with its profile");
        assert_ne!(versioned[2], edited[2]);
    }

    #[test]
    fn versions_added_changed_or_removed_are_found_in_order() {
        let id = |n: u128| Uuid::from_u128(n);
        let stored = [(id(1), 7), (id(2), 7), (id(4), 9)];
        let now = [(id(2), 8), (id(3), 7), (id(4), 9)];
        assert_eq!(changed_versions(&stored, &now), [id(1), id(2), id(3)]);
        assert!(changed_versions(&now, &now).is_empty());
        assert_eq!(changed_versions(&[], &now).len(), 3);
    }

    #[test]
    fn a_version_changed_in_place_is_found_and_one_read_again_is_not() {
        let mut ws = workspace(&[true, true, true]);
        for p in ws.profiles.iter() {
            ws.versions.insert(p.id.as_uuid(), Version::default());
        }
        let mut stored = Stored::default();
        let (first, _) = stored.save(&ws);
        // A dot written into the middle profile's version, as an edit does.
        let id = ws.profiles[1].id.as_uuid();
        let version = ws.versions.get_mut(&id).unwrap();
        version.bump("r1");
        let (edited, written) = stored.save(&ws);
        assert_eq!(written, 1, "only the chunk whose version changed");
        assert_eq!(
            (edited[0] == first[0], edited[1] == first[1]),
            (true, false)
        );
        // Read back: new stamps, the same content, so the same chunks.
        let read: Workspace = serde_json::from_value(serde_json::to_value(&ws).unwrap()).unwrap();
        let layout: Vec<(String, usize)> = edited.iter().cloned().map(|n| (n, 1)).collect();
        let opened = plan(&read, &ChunkMemo::of(&read, &layout), &stored.names);
        assert!(opened.new.is_empty());
    }

    #[test]
    fn a_chunk_removed_from_storage_is_written_again() {
        let ws = workspace(&[true, true]);
        let mut stored = Stored::default();
        let (first, _) = stored.save(&ws);
        stored.names.retain(|name| *name != first[0]);
        let again = plan(&ws, &stored.memo, &stored.names);
        assert_eq!(again.names, first);
        assert_eq!(again.new.len(), 1);
        assert_eq!(again.new[0].0, first[0]);
    }

    #[test]
    fn chunks_read_at_opening_are_not_written_again() {
        let ws = workspace(&[false, true, true]);
        let mut stored = Stored::default();
        let (names, _) = stored.save(&ws);
        let layout: Vec<(String, usize)> = names.iter().cloned().zip([2, 1]).collect();
        // Read back: other stamps, same content.
        let read: Workspace = serde_json::from_value(serde_json::to_value(&ws).unwrap()).unwrap();
        let opened = plan(&read, &ChunkMemo::of(&read, &layout), &stored.names);
        assert!(opened.new.is_empty());
        assert_eq!(opened.names, names);
        // Without knowing the layout the same chunks are found by name.
        let unknown = plan(&read, &ChunkMemo::default(), &stored.names);
        assert!(unknown.new.is_empty(), "same text, same name");
    }
}
