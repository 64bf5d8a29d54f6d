//! The history every shared record carries, so that a merge can tell "the
//! file's version was made from mine" from "both changed since we last
//! agreed", however many people pass files around.
//!
//! - Every workspace is a *replica* with its own short id
//!   ([`Workspace::replica`]).
//! - Every record has a [`Version`]: a version vector ([`Clock`]: per
//!   replica, how many of its edits the version holds) and, per field or
//!   list row ([`super::slots`]), the [`Dot`] of the edit that last wrote it.
//! - A record deleted here leaves a [`Tombstone`] with the clock of the
//!   version that was deleted, so the deletion travels in files and an
//!   older copy never brings the record back.
//! - Versions are kept up to date by [`settle`], which compares the
//!   workspace with itself as it was before a change: a record whose content
//!   changed while its version did not was edited here.
//!
//! Data from before schema version 4 carried *sync marks* (the fingerprint
//! of the version last agreed); the migration turns a mark into a legacy
//! replica named `~` and the mark, so "unchanged since we agreed" still
//! reads as an older version on both sides.

use super::records::{RecordKind, Shared};
use super::slots::slots_of;
use crate::domain::icp::Worksheet;
use crate::domain::profiles::Stamp;
use crate::domain::scoring::ScoringModel;
use crate::domain::small_map::SmallMap;
use crate::domain::survey::{Survey, SurveyAnswer};
use crate::domain::{Profile, Timestamp, Workspace};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::HashMap;
use uuid::Uuid;

/// Replica names that start with this come from sync marks of schema 3.
pub const LEGACY_PREFIX: char = '~';

/// A version vector: per replica, how many of its edits a version holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Clock(SmallMap<String, u64>);

/// How two clocks stand to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The same edits.
    Equal,
    /// The first holds fewer edits: the second was made from it.
    Before,
    /// The first holds more edits: it was made from the second.
    After,
    /// Each holds edits the other has not seen.
    Concurrent,
}

impl Clock {
    /// How many edits of `replica` this clock holds.
    pub fn get(&self, replica: &str) -> u64 {
        self.0.get(replica).copied().unwrap_or(0)
    }

    /// A clock with one edit of `replica`.
    pub fn of(replica: &str, count: u64) -> Self {
        Self(SmallMap::from([(replica.to_owned(), count)]))
    }

    /// Counts one more edit of `replica` and returns its dot.
    pub fn bump(&mut self, replica: &str) -> Dot {
        let n = self.get(replica).saturating_add(1);
        self.0.insert(replica.to_owned(), n);
        Dot {
            replica: replica.to_owned(),
            n,
        }
    }

    /// Takes in every edit `other` holds.
    pub fn join(&mut self, other: &Clock) {
        for (replica, &n) in &other.0 {
            let mine = self.0.get_or_insert_with(replica.clone(), || 0);
            *mine = (*mine).max(n);
        }
    }

    /// Whether the edit `dot` is among those this clock holds.
    pub fn covers(&self, dot: &Dot) -> bool {
        self.get(&dot.replica) >= dot.n
    }

    /// How this clock stands to `other`.
    pub fn compare(&self, other: &Clock) -> Order {
        let mut less = false;
        let mut more = false;
        for replica in self.0.keys().chain(other.0.keys()) {
            match self.get(replica).cmp(&other.get(replica)) {
                Ordering::Less => less = true,
                Ordering::Greater => more = true,
                Ordering::Equal => {}
            }
        }
        match (less, more) {
            (false, false) => Order::Equal,
            (true, false) => Order::Before,
            (false, true) => Order::After,
            (true, true) => Order::Concurrent,
        }
    }

    /// Counts one more edit of `replica`, numbered past every dot in
    /// `also` (deletions kept against, which the clock does not count), so
    /// that no two edits ever share a dot.
    pub fn bump_past<'a>(&mut self, replica: &str, also: impl IntoIterator<Item = &'a Dot>) -> Dot {
        let highest = also
            .into_iter()
            .filter(|d| d.replica == replica)
            .map(|d| d.n)
            .max()
            .unwrap_or(0);
        if self.get(replica) < highest {
            self.0.insert(replica.to_owned(), highest);
        }
        self.bump(replica)
    }

    /// Whether every edit of this clock is in `other`.
    pub fn within(&self, other: &Clock) -> bool {
        matches!(self.compare(other), Order::Equal | Order::Before)
    }

    /// The same clock without legacy replicas (named after fingerprints of
    /// whole records), for files that leave personal data out.
    pub fn without_legacy(&self) -> Self {
        let mut kept = self.clone();
        kept.0.retain(|r, _| !r.starts_with(LEGACY_PREFIX));
        kept
    }

    /// Whether the clock holds no edit at all.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|n| *n == 0)
    }
}

/// One edit: the replica that made it and its count there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dot {
    /// The replica.
    pub replica: String,
    /// Its count of edits to the record at that point.
    pub n: u64,
}

// Written as "replica:n": short, and one string per field keeps files small.
impl Serialize for Dot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}:{}", self.replica, self.n))
    }
}

impl<'de> Deserialize<'de> for Dot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let (replica, n) = text
            .rsplit_once(':')
            .and_then(|(r, n)| Some((r, n.parse::<u64>().ok()?)))
            .filter(|(r, _)| !r.is_empty())
            .ok_or_else(|| serde::de::Error::custom("a dot is written replica:count"))?;
        Ok(Dot {
            replica: replica.to_owned(),
            n,
        })
    }
}

/// The version of one record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Version {
    /// The edits this version holds.
    pub clock: Clock,
    /// Per field or list row, the edit that last wrote it. A field without
    /// a dot still has the value it was created with.
    #[serde(default, skip_serializing_if = "SmallMap::is_empty")]
    pub fields: SmallMap<String, Dot>,
    /// The deletions this version was kept or restored against: the clocks
    /// of their tombstones, joined. A deletion whose [`Tombstone::dot`] it
    /// covers was overruled. Counting them in `clock` instead would claim
    /// the edits the deleted versions held, which this one does not have.
    #[serde(default, skip_serializing_if = "Clock::is_empty")]
    pub overruled: Clock,
    /// Which content this version has in this tab (see [`Versions`]):
    /// never written, and equal for any two versions as far as `==` goes.
    #[serde(skip)]
    pub stamp: Stamp,
}

impl Version {
    /// Counts one more edit of `replica` (see [`Clock::bump_past`]).
    pub fn bump(&mut self, replica: &str) -> Dot {
        let floor = Dot {
            replica: replica.to_owned(),
            n: self.overruled.get(replica),
        };
        self.clock
            .bump_past(replica, self.fields.values().chain([&floor]))
    }

    /// Records that this version stands against the deletion `tombstone`.
    pub fn overrule(&mut self, tombstone: &Tombstone) {
        self.overruled.join(&tombstone.clock);
    }

    /// Whether this version was made knowing the deletion `tombstone`
    /// (after it, or against it).
    pub fn saw_deletion(&self, tombstone: &Tombstone) -> bool {
        self.clock.covers(&tombstone.dot) || self.overruled.covers(&tombstone.dot)
    }

    /// The dot of `slot`, if it was written after the record was created.
    pub fn dot(&self, slot: &str) -> Option<&Dot> {
        self.fields.get(slot)
    }

    /// The same version without legacy replicas (see [`Clock::without_legacy`]).
    pub fn without_legacy(&self) -> Self {
        let mut fields = self.fields.clone();
        fields.retain(|_, d| !d.replica.starts_with(LEGACY_PREFIX));
        Self {
            clock: self.clock.without_legacy(),
            fields,
            overruled: self.overruled.without_legacy(),
            stamp: Stamp::fresh(),
        }
    }
}

/// Per record id, its version. Read it as a [`SmallMap`]; change it only
/// through the methods here, which give every version they hand out or take
/// in a fresh [`Stamp`], as [`crate::domain::Profiles`] does for profiles.
/// So the same stamp means the same version, and a save finds the few
/// versions that changed among thousands by their stamps, not by comparing
/// every field's dot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Versions(SmallMap<Uuid, Version>);

impl Versions {
    /// No versions.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the version of `id`; returns the one it had.
    pub fn insert(&mut self, id: Uuid, mut version: Version) -> Option<Version> {
        version.stamp = Stamp::fresh();
        self.0.insert(id, version)
    }

    /// The version of `id`, to change, if any.
    pub fn get_mut(&mut self, id: &Uuid) -> Option<&mut Version> {
        let version = self.0.get_mut(id)?;
        version.stamp = Stamp::fresh();
        Some(version)
    }

    /// The version of `id`, set to `default()` first if it had none, to
    /// change.
    pub fn get_or_insert_with(&mut self, id: Uuid, default: fn() -> Version) -> &mut Version {
        let version = self.0.get_or_insert_with(id, default);
        version.stamp = Stamp::fresh();
        version
    }

    /// Removes the version of `id`; returns it.
    pub fn remove(&mut self, id: &Uuid) -> Option<Version> {
        self.0.remove(id)
    }

    /// Every version, to change (each counts as changed).
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Version> {
        for version in self.0.values_mut() {
            version.stamp = Stamp::fresh();
        }
        self.0.values_mut()
    }

    /// Keeps only the versions `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&Uuid) -> bool) {
        self.0.retain(|id, _| keep(id));
    }

    /// Removes every version.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Makes these versions equal to `of`, stamps included, copying only
    /// the versions whose stamps differ: for a copy kept beside the
    /// workspace's versions, which change a few at a time.
    pub fn mirror(&mut self, of: &Versions) {
        let same_ids =
            self.0.len() == of.0.len() && self.0.keys().zip(of.0.keys()).all(|(a, b)| a == b);
        if !same_ids {
            self.0.clone_from(&of.0);
            return;
        }
        for (mine, theirs) in self.0.values_mut().zip(of.0.values()) {
            if mine.stamp.get() != theirs.stamp.get() {
                mine.clone_from(theirs);
            }
        }
    }
}

impl std::ops::Deref for Versions {
    type Target = SmallMap<Uuid, Version>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Versions {
    type Item = (&'a Uuid, &'a Version);
    type IntoIter = <&'a SmallMap<Uuid, Version> as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        (&self.0).into_iter()
    }
}

impl FromIterator<(Uuid, Version)> for Versions {
    /// Versions from pairs; each counts as changed.
    fn from_iter<I: IntoIterator<Item = (Uuid, Version)>>(pairs: I) -> Self {
        let mut versions = Self(pairs.into_iter().collect());
        versions.values_mut().for_each(drop);
        versions
    }
}

/// What is left of a deleted record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// What kind of record it was, as [`RecordKind::name`] writes it. Text,
    /// so that a kind a newer Clientele added is kept and written back.
    pub kind: String,
    /// Its name, so a preview can say what was deleted.
    #[serde(default)]
    pub title: String,
    /// When it was deleted (by whoever deleted it first).
    pub at: Timestamp,
    /// The versions the deletion covers: the one deleted, and any seen and
    /// deleted again since.
    pub clock: Clock,
    /// The deletion itself, as an edit.
    pub dot: Dot,
}

/// Per record id, what is left of deleted records.
pub type Deleted = SmallMap<Uuid, Tombstone>;

impl Workspace {
    /// This workspace's name in version clocks: 16 hex digits of its id.
    pub fn replica(&self) -> String {
        self.id.as_uuid().simple().to_string()[..16].to_owned()
    }
}

/// Brings the versions of `now` up to date after changes made here since
/// `before` (the same workspace as it was): a new record gets its first
/// version, an edited one counts an edit and the dots of the fields that
/// changed, a removed one leaves a tombstone, and a record put back (undo
/// of a delete) drops its tombstone with a version newer than the deletion.
///
/// Records whose version changed along with their content were not edited
/// here (an import or another tab did it) and are left as they are.
pub fn settle(now: &mut Workspace, before: &Workspace, at: Timestamp) {
    let replica = now.replica();
    settle_kind::<Profile>(now, before, &replica, at);
    settle_kind::<Worksheet>(now, before, &replica, at);
    settle_kind::<ScoringModel>(now, before, &replica, at);
    settle_kind::<Survey>(now, before, &replica, at);
    settle_kind::<SurveyAnswer>(now, before, &replica, at);
}

/// What changed here in the records of one kind.
struct KindChanges {
    kind: RecordKind,
    /// Records to count an edit of, with the slots that changed.
    edits: Vec<(Uuid, Vec<String>)>,
    /// Records that were removed, with their name.
    removed: Vec<(Uuid, String)>,
}

/// Finds what changed in the records of one kind; the typed part only
/// compares, and [`count_changes`] (compiled once) does the bookkeeping.
fn settle_kind<T: Shared + PartialEq>(
    now: &mut Workspace,
    before: &Workspace,
    replica: &str,
    at: Timestamp,
) {
    let old: HashMap<Uuid, &T> = T::in_workspace(before)
        .iter()
        .map(|r| (r.uuid(), r))
        .collect();
    let mut present = std::collections::HashSet::with_capacity(T::in_workspace(now).len());
    let mut changes = KindChanges {
        kind: T::KIND,
        edits: Vec::new(),
        removed: Vec::new(),
    };
    for record in T::in_workspace(now) {
        let id = record.uuid();
        present.insert(id);
        if !now.versions.contains_key(&id) || now.deleted.contains_key(&id) {
            changes.edits.push((id, Vec::new()));
            continue;
        }
        let Some(previous) = old.get(&id) else {
            continue;
        };
        if !record.known_unchanged(previous)
            && *previous != record
            && before.versions.get(&id) == now.versions.get(&id)
        {
            changes
                .edits
                .push((id, changed_slots(&previous.to_json(), &record.to_json())));
        }
    }
    for (id, record) in old {
        if !present.contains(&id) && !now.deleted.contains_key(&id) {
            changes.removed.push((id, record.title().to_owned()));
        }
    }
    count_changes(now, before, changes, replica, at);
}

/// Counts edits and deletions found by [`settle_kind`].
fn count_changes(
    now: &mut Workspace,
    before: &Workspace,
    changes: KindChanges,
    replica: &str,
    at: Timestamp,
) {
    for (id, changed) in changes.edits {
        let version = now.versions.get_or_insert_with(id, Version::default);
        if let Some(tombstone) = now.deleted.remove(&id) {
            // Back after a delete (undo): newer than the deletion wherever
            // the deletion went.
            version.overrule(&tombstone);
        }
        let dot = version.bump(replica);
        for slot in changed {
            version.fields.insert(slot, dot.clone());
        }
    }
    for (id, title) in changes.removed {
        // The version stays known: an undo of the delete takes it up again.
        let mut version = now
            .versions
            .get(&id)
            .or_else(|| before.versions.get(&id))
            .cloned()
            .unwrap_or_default();
        let dot = version.bump(replica);
        // Deletions the version stood against are known to this one too.
        version.clock.join(&version.overruled);
        now.deleted.insert(
            id,
            Tombstone {
                kind: changes.kind.name().to_owned(),
                title,
                at,
                clock: version.clock,
                dot,
            },
        );
    }
}

/// The slots (fields and list rows) whose value differs between two
/// versions of a record's JSON, a removed row included.
fn changed_slots(before: &Value, after: &Value) -> Vec<String> {
    let (old, new) = (slots_of(before), slots_of(after));
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(slot, value)| old.get(*slot) != Some(*value))
        .map(|(slot, _)| slot.clone())
        .collect();
    changed.extend(old.keys().filter(|s| !new.contains_key(*s)).cloned());
    changed
}

/// Counts a local edit of a record whose JSON went from `before` to
/// `after` under `version`: one more edit of `replica`, and its dot on
/// every slot that changed.
pub fn count_edit_of(version: &mut Version, before: &Value, after: &Value, replica: &str) {
    let dot = version.bump(replica);
    for slot in changed_slots(before, after) {
        version.fields.insert(slot, dot.clone());
    }
}

#[cfg(test)]
mod tests;
