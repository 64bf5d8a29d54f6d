//! The merge of imported files into a workspace: first a preview of what
//! would happen, then the change itself. Both run the same code
//! ([`merge_part`]), so the preview always says what the import does.
//!
//! Rules (versions are explained in [`super::history`]):
//! - a record is matched by its stable id only, so importing never
//!   duplicates a record and importing the same file twice changes nothing
//!   the second time;
//! - a record whose content equals the file's is [`Change::Same`];
//! - the file's version was made from the one here: [`Change::Theirs`],
//!   taken; the version here was made from the file's: [`Change::Ours`],
//!   kept;
//! - both changed since they last agreed: field by field, a field (or list
//!   row) changed on one side only takes that change ([`Change::Merged`]
//!   when that settles everything); fields changed on both sides are a
//!   [`Change::Conflict`], kept as here unless the user takes the file's;
//! - deletions travel: a file that deleted the version here deletes it
//!   ([`Change::Deleted`], which the user may refuse); one deleted here
//!   stays deleted when the file holds the deleted version or an older one
//!   ([`Change::StaysDeleted`]); a deletion on one side and a change on the
//!   other is a conflict;
//! - several files are taken one after the other, each against the
//!   workspace as the files before it left it, so every copy of a record
//!   is weighed and copies that disagree are conflicts;
//! - records only here are never removed by a merge; replacing with a whole
//!   workspace file does remove them.

use super::diff::{FieldChange, differences};
use super::export::{FileKind, PersonalData};
use super::history::{Clock, Order, Version, count_edit_of};
use super::records::{RecordKind, Records, Shared};
use super::slots::merge_fields;
use crate::domain::icp::Worksheet;
use crate::domain::scoring::ScoringModel;
use crate::domain::small_map::SmallMap;
use crate::domain::survey::{Survey, SurveyAnswer};
use crate::domain::{Profile, Workspace};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// What an import would do to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// Not here yet: added.
    New,
    /// Identical here: nothing to do.
    Same,
    /// Changed in the file only (made from the version here): taken.
    Theirs,
    /// Changed here only (the file holds an older version): kept.
    Ours,
    /// Changed on both sides, in different fields: both changes kept.
    Merged,
    /// Changed on both sides in the same fields, or deleted on one side and
    /// changed on the other: the user chooses.
    Conflict,
    /// Deleted in the file, unchanged here since: removed unless the user
    /// keeps it.
    Deleted,
    /// Deleted here; the file holds the deleted version or an older one:
    /// it stays deleted.
    StaysDeleted,
}

/// What two sides disagree on in a [`Change::Conflict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictKind {
    /// The same fields were changed on both sides.
    Fields,
    /// Deleted here, changed in the file.
    DeletedHere,
    /// Changed here, deleted in the file.
    DeletedThere,
}

/// One record of a file, and what the import would do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordChange {
    /// Which file of the import, from 0.
    pub part: usize,
    /// What kind of record.
    pub kind: RecordKind,
    /// Its stable id.
    pub id: Uuid,
    /// Its name.
    pub title: String,
    /// What would happen.
    pub change: Change,
    /// For a conflict, what it is about.
    pub conflict: Option<ConflictKind>,
    /// Field by field, here against the file: what the file changes
    /// (`Theirs`, `Ours`, `Merged`), or the fields in conflict.
    pub fields: Vec<FieldChange>,
}

/// What importing files would do, record by record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergePreview {
    /// Every record in the files, file by file, by kind, in each file's order.
    pub records: Vec<RecordChange>,
    /// For a whole-workspace file: how many records here are not in the
    /// file (a replace would remove them).
    pub only_here: usize,
    /// The names of the fields of their own the files bring that this
    /// workspace lacks, in the files' order.
    pub new_fields: Vec<String>,
}

impl MergePreview {
    /// The records with this change.
    pub fn with(&self, change: Change) -> impl Iterator<Item = &RecordChange> {
        self.records.iter().filter(move |r| r.change == change)
    }

    /// How many records have this change.
    pub fn count(&self, change: Change) -> usize {
        self.with(change).count()
    }

    /// Whether a merge would change nothing at all.
    pub fn changes_nothing(&self) -> bool {
        [
            Change::New,
            Change::Theirs,
            Change::Merged,
            Change::Conflict,
            Change::Deleted,
        ]
        .iter()
        .all(|c| self.count(*c) == 0)
            && self.new_fields.is_empty()
    }
}

/// Merge (the default) or replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Add new records, take records changed only in the file, keep this
    /// side's version of conflicts unless chosen otherwise.
    #[default]
    Merge,
    /// Take the file's version of every record in it; a whole-workspace
    /// file also replaces the settings and removes records not in the file.
    Replace,
}

/// Which side to follow for one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resolution {
    /// This workspace's version (the default for conflicts).
    #[default]
    KeepMine,
    /// The file's version (the default for a deletion in the file).
    TakeTheirs,
}

/// The user's choices in the preview.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeChoices {
    /// Merge or replace.
    pub mode: ImportMode,
    /// Per file (from 0) and record, the side chosen where the user chose.
    pub resolutions: Resolutions,
}

impl MergeChoices {
    /// The side chosen for record `id` of file `part`, if the user chose.
    pub fn chosen(&self, part: usize, id: Uuid) -> Option<Resolution> {
        self.resolutions.get(&(part, id)).copied()
    }
}

/// The side the user chose per file (from 0) and record.
pub type Resolutions = SmallMap<(usize, Uuid), Resolution>;

/// A file's content, ready to merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// What the file holds.
    pub kind: FileKind,
    /// Whether personal data was left out of it.
    pub personal_data: PersonalData,
    /// Ids of records the file holds but that could not be imported (a
    /// damaged record, one without a name). Replacing the workspace keeps
    /// the copies here: the file has them, only unreadable.
    pub unread: HashSet<Uuid>,
    /// For a whole-workspace file: its name, settings and active model (its
    /// record lists are empty; the records are in `records`).
    pub workspace: Option<Workspace>,
    /// The records, with the sender's versions and deletions.
    pub records: Records,
    /// The records are edits made here (a CSV import), not another
    /// workspace's versions: they count as this side's own changes.
    pub local_edit: bool,
}

impl Incoming {
    /// Records of a file that is not a whole workspace.
    pub fn records(kind: FileKind, records: Records) -> Self {
        Self {
            kind,
            personal_data: PersonalData::Included,
            unread: HashSet::new(),
            workspace: None,
            records,
            local_edit: false,
        }
    }

    /// Records made here from another source (a CSV export of a CRM): an
    /// ordinary local edit, never another side's agreed version.
    pub fn local_edits(records: Records) -> Self {
        Self {
            local_edit: true,
            ..Self::records(FileKind::Profiles, records)
        }
    }

    /// The file's records with what was left out of them filled in from
    /// `here`, so that a file without personal data never erases it.
    fn prepared(&self, here: &Workspace) -> Records {
        let mut records = self.records.clone();
        if self.personal_data == PersonalData::LeftOut {
            for profile in &mut records.profiles {
                if let Some(ours) = here.profile(profile.id) {
                    restore_personal_data(profile, ours);
                }
            }
        }
        records
    }
}

fn restore_personal_data(profile: &mut Profile, ours: &Profile) {
    for person in &mut profile.people {
        if let Some(mine) = ours.people.iter().find(|p| p.id == person.id) {
            person.birthday = mine.birthday;
            person.phone.clone_from(&mine.phone);
            person.email.clone_from(&mine.email);
            person.notes.clone_from(&mine.notes);
        }
    }
}

/// What importing `parts` (files, in order) into `here` with `choices`
/// would do.
pub fn preview(here: &Workspace, parts: &[Incoming], choices: &MergeChoices) -> MergePreview {
    let mut running = here.clone();
    let mut records = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        running = merge_part(running, i, part, choices, &mut records);
    }
    let only_here = match parts {
        [one] if one.kind == FileKind::Workspace => {
            let in_file: std::collections::HashSet<Uuid> = records
                .iter()
                .map(|r| r.id)
                .chain(one.unread.iter().copied())
                .collect();
            count_only_here::<Profile>(here, &in_file)
                + count_only_here::<Worksheet>(here, &in_file)
                + count_only_here::<ScoringModel>(here, &in_file)
                + count_only_here::<Survey>(here, &in_file)
                + count_only_here::<SurveyAnswer>(here, &in_file)
        }
        _ => 0,
    };
    let new_fields = running
        .settings
        .custom_fields
        .iter()
        .filter(|f| here.custom_field(f.id).is_none())
        .map(|f| f.name.clone())
        .collect();
    MergePreview {
        records,
        only_here,
        new_fields,
    }
}

/// The workspace after importing `parts` into `here` with `choices`.
/// `here` itself is not changed, so the caller keeps it as the snapshot
/// that undoes the import.
pub fn apply(here: &Workspace, parts: &[Incoming], choices: &MergeChoices) -> Workspace {
    let mut result = here.clone();
    let mut ignored = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        result = merge_part(result, i, part, choices, &mut ignored);
    }
    result
}

fn count_only_here<T: Shared>(
    here: &Workspace,
    in_file: &std::collections::HashSet<Uuid>,
) -> usize {
    T::in_workspace(here)
        .iter()
        .filter(|r| !in_file.contains(&r.uuid()))
        .count()
}

/// Merges one file into `result` (the workspace so far, taken over so
/// that it is not copied), saying in `out` what happened to each of its
/// records.
fn merge_part(
    mut result: Workspace,
    part: usize,
    incoming: &Incoming,
    choices: &MergeChoices,
    out: &mut Vec<RecordChange>,
) -> Workspace {
    let records = incoming.prepared(&result);
    // Replacing needs the workspace as it was; only then is it copied.
    let replacing = match (choices.mode, &incoming.workspace) {
        (ImportMode::Replace, Some(theirs)) => Some((theirs, result.clone())),
        _ => None,
    };
    let mut merge = PartMerge {
        part,
        incoming,
        records: &records,
        choices,
        replica: result.replica(),
        out,
    };
    merge.kind::<Profile>(&mut result);
    merge.kind::<Worksheet>(&mut result);
    merge.kind::<ScoringModel>(&mut result);
    merge.kind::<Survey>(&mut result);
    merge.kind::<SurveyAnswer>(&mut result);
    // Replacing the whole workspace lists each record as the merge would
    // take it, then takes the file as it is.
    if let Some((theirs, here)) = replacing {
        return replaced(&here, theirs, &records, &incoming.unread);
    }
    add_custom_fields(&mut result, incoming);
    if result.active_model.is_none() {
        result.active_model = result.models.first().map(|m| m.id);
    }
    result
}

/// Adds the file's fields of its own that this workspace lacks, so that
/// the values and criteria that came with them show and score here. A field
/// this workspace has already keeps its name and options here.
fn add_custom_fields(result: &mut Workspace, incoming: &Incoming) {
    let theirs = incoming
        .workspace
        .iter()
        .flat_map(|w| &w.settings.custom_fields)
        .chain(&incoming.records.custom_fields);
    for field in theirs {
        if result.custom_field(field.id).is_none() {
            result.settings.custom_fields.push(field.clone());
        }
    }
}

/// `here` replaced by a whole-workspace file: the file's records, versions
/// and deletions under this browser's identity and save count (so that
/// other tabs see a newer revision of the same workspace). Records here
/// whose copy in the file could not be read are kept.
fn replaced(
    here: &Workspace,
    theirs: &Workspace,
    records: &Records,
    unread: &HashSet<Uuid>,
) -> Workspace {
    let mut result = theirs.clone();
    result.id = here.id;
    result.created_at = here.created_at;
    result.revision = here.revision;
    result.updated_at = here.updated_at;
    result.last_export = here.last_export.clone();
    result.profiles = records.profiles.clone().into();
    result.worksheets = records.worksheets.clone();
    result.models = records.models.clone();
    result.surveys = records.surveys.clone();
    result.survey_answers = records.survey_answers.clone();
    result.versions = records.versions.clone();
    result.deleted = records.deleted.clone();
    keep_unread::<Profile>(&mut result, here, unread);
    keep_unread::<Worksheet>(&mut result, here, unread);
    keep_unread::<ScoringModel>(&mut result, here, unread);
    keep_unread::<Survey>(&mut result, here, unread);
    keep_unread::<SurveyAnswer>(&mut result, here, unread);
    if result.active_model.is_none() {
        result.active_model = result.models.first().map(|m| m.id);
    }
    result
}

/// Keeps this side's copy (and version) of every record the file could not
/// read.
fn keep_unread<T: Shared>(result: &mut Workspace, here: &Workspace, unread: &HashSet<Uuid>) {
    if unread.is_empty() {
        return;
    }
    let kept: Vec<T> = T::in_workspace(here)
        .iter()
        .filter(|r| unread.contains(&r.uuid()))
        .filter(|r| !T::in_workspace(result).iter().any(|x| x.uuid() == r.uuid()))
        .cloned()
        .collect();
    let ids: Vec<Uuid> = kept.iter().map(Shared::uuid).collect();
    T::edit_in_workspace(result, |list| list.extend(kept));
    keep_versions_of(result, here, &ids);
}

/// The versions here of records kept through a replace.
fn keep_versions_of(result: &mut Workspace, here: &Workspace, ids: &[Uuid]) {
    for id in ids {
        if let Some(version) = here.versions.get(id) {
            result.versions.insert(*id, version.clone());
        }
        result.deleted.remove(id);
    }
}

/// One file being merged.
struct PartMerge<'a> {
    part: usize,
    incoming: &'a Incoming,
    records: &'a Records,
    choices: &'a MergeChoices,
    /// This workspace's name in versions, for the edits the merge makes
    /// (a conflict resolved, a deletion refused).
    replica: String,
    out: &'a mut Vec<RecordChange>,
}

impl PartMerge<'_> {
    fn replace(&self) -> bool {
        self.choices.mode == ImportMode::Replace
    }

    fn takes_theirs(&self, id: Uuid) -> bool {
        self.replace() || self.choices.chosen(self.part, id) == Some(Resolution::TakeTheirs)
    }

    fn say(
        &mut self,
        kind: RecordKind,
        id: Uuid,
        title: &str,
        change: Change,
    ) -> &mut RecordChange {
        self.out.push(RecordChange {
            part: self.part,
            kind,
            id,
            title: title.to_owned(),
            change,
            conflict: None,
            fields: Vec::new(),
        });
        self.out.last_mut().expect("just pushed")
    }

    /// The file's version of record `id`; `None` for local edits and for
    /// files that carry no version of it.
    fn their_version(&self, id: Uuid) -> Option<&Version> {
        (!self.incoming.local_edit)
            .then(|| self.records.versions.get(&id))
            .flatten()
    }

    /// Merges the records of one kind: the typed part only reads the
    /// records as JSON and writes back what [`PartMerge::plan`] decided, so
    /// that the merge itself is compiled once, not once per kind.
    fn kind<T: Shared>(&mut self, result: &mut Workspace) {
        let file = T::in_records(self.records);
        let plan = {
            let here = T::in_workspace(result);
            let index: HashMap<Uuid, usize> = here
                .iter()
                .enumerate()
                .map(|(i, r)| (r.uuid(), i))
                .collect();
            let records: Vec<FileRecord> = file
                .iter()
                .map(|there| FileRecord {
                    id: there.uuid(),
                    title: there.title().to_owned(),
                    json: there.to_json(),
                    here: index.get(&there.uuid()).map(|&at| (at, here[at].to_json())),
                })
                .collect();
            let deletions: Vec<Deletion> = self
                .records
                .deleted
                .iter()
                .filter(|(_, t)| t.kind == T::KIND.name())
                .map(|(id, tombstone)| Deletion {
                    id: *id,
                    here: index.get(id).map(|&at| (at, here[at].title().to_owned())),
                    tombstone: tombstone.clone(),
                })
                .collect();
            self.plan(T::KIND, records, deletions, result)
        };
        T::edit_in_workspace(result, |list| {
            for (at, json) in plan.replace {
                // The JSON comes from records of this type, so it reads back.
                if let Ok(record) = serde_json::from_value(json) {
                    list[at] = record;
                }
            }
            for (at, i) in plan.take {
                list[at] = file[i].clone();
            }
            if !plan.remove.is_empty() {
                let mut place = 0;
                list.retain(|_| {
                    place += 1;
                    !plan.remove.contains(&(place - 1))
                });
            }
            list.extend(plan.add.into_iter().map(|i| file[i].clone()));
        });
    }

    /// Decides what becomes of every record of one kind in the file, and of
    /// the records here the file deleted; versions and deletions change in
    /// `result` as it goes.
    fn plan(
        &mut self,
        kind: RecordKind,
        records: Vec<FileRecord>,
        deletions: Vec<Deletion>,
        result: &mut Workspace,
    ) -> Plan {
        let mut plan = Plan::default();
        let mut added: std::collections::HashSet<Uuid> = std::collections::HashSet::new();
        // A file that holds a record and its deletion: the record counts.
        let in_file: std::collections::HashSet<Uuid> = records.iter().map(|r| r.id).collect();
        let deletions = deletions.into_iter().filter(|d| !in_file.contains(&d.id));
        for (i, record) in records.into_iter().enumerate() {
            let id = record.id;
            match &record.here {
                Some((at, ours)) => match self.against_record(result, kind, &record, ours) {
                    Outcome::Keep => {}
                    Outcome::Take => plan.take.push((*at, i)),
                    Outcome::Merged(json) => plan.replace.push((*at, json)),
                },
                None if result.deleted.contains_key(&id) => {
                    if self.against_tombstone(result, kind, &record) {
                        plan.add.push(i);
                    }
                }
                None if added.contains(&id) => {}
                None => {
                    self.say(kind, id, &record.title, Change::New);
                    let version = match self.their_version(id) {
                        Some(version) => version.clone(),
                        None => Version {
                            clock: Clock::of(&self.replica, 1),
                            ..Version::default()
                        },
                    };
                    result.versions.insert(id, version);
                    added.insert(id);
                    plan.add.push(i);
                }
            }
        }
        for Deletion {
            id,
            here,
            tombstone,
        } in deletions
        {
            match here {
                Some((at, title)) => {
                    if self.deletion_of_record(result, kind, id, &title, &tombstone) {
                        plan.remove.push(at);
                    }
                }
                None => match result.deleted.get_mut(&id) {
                    // Deleted here too: the newer deletion stands; two
                    // deletions made apart become one deletion here, which
                    // a restore must have seen to be taken without asking.
                    Some(mine) if mine.clock.within(&tombstone.clock) => *mine = tombstone,
                    Some(mine) if !tombstone.clock.within(&mine.clock) => {
                        mine.clock.join(&tombstone.clock);
                        mine.dot = mine.clock.bump_past(&self.replica, [&tombstone.dot]);
                    }
                    Some(_) => {}
                    // Never here, or not yet: remembered, so that an older
                    // copy arriving later does not bring it back.
                    None => {
                        result.deleted.insert(id, tombstone);
                    }
                },
            }
        }
        plan
    }

    /// A record of the file that is also here (`ours`, as JSON): what
    /// becomes of the one here.
    fn against_record(
        &mut self,
        result: &mut Workspace,
        kind: RecordKind,
        there: &FileRecord,
        ours: &Value,
    ) -> Outcome {
        let id = there.id;
        let mut version = result.versions.get(&id).cloned().unwrap_or_default();
        let theirs = self.their_version(id).cloned();
        if *ours == there.json {
            self.say(kind, id, &there.title, Change::Same);
            if let Some(theirs) = theirs {
                version.clock.join(&theirs.clock);
                result.versions.insert(id, version);
            }
            return Outcome::Keep;
        }
        if self.incoming.local_edit {
            self.say(kind, id, &there.title, Change::Theirs).fields =
                differences(ours, &there.json);
            count_edit_of(&mut version, ours, &there.json, &self.replica);
            result.versions.insert(id, version);
            return Outcome::Take;
        }
        let order = match &theirs {
            Some(theirs) if !version.clock.is_empty() => version.clock.compare(&theirs.clock),
            _ => Order::Concurrent,
        };
        let theirs = theirs.unwrap_or_default();
        match order {
            Order::Before => {
                self.say(kind, id, &there.title, Change::Theirs).fields =
                    differences(ours, &there.json);
                let overruled = both_overruled(&version, &theirs);
                result.versions.insert(
                    id,
                    Version {
                        overruled,
                        ..theirs
                    },
                );
                Outcome::Take
            }
            Order::After if !self.replace() => {
                self.say(kind, id, &there.title, Change::Ours).fields =
                    differences(ours, &there.json);
                Outcome::Keep
            }
            Order::After => {
                // Replace takes an older version on purpose: a new edit here.
                self.say(kind, id, &there.title, Change::Theirs).fields =
                    differences(ours, &there.json);
                let mut forced = version.clone();
                forced.clock.join(&theirs.clock);
                count_edit_of(&mut forced, ours, &there.json, &self.replica);
                result.versions.insert(id, forced);
                Outcome::Take
            }
            Order::Equal | Order::Concurrent => {
                self.both_changed(result, kind, there, ours, &version, &theirs)
            }
        }
    }

    /// Both sides changed the record since they last agreed: field by field.
    fn both_changed(
        &mut self,
        result: &mut Workspace,
        kind: RecordKind,
        there: &FileRecord,
        ours: &Value,
        version: &Version,
        theirs: &Version,
    ) -> Outcome {
        let id = there.id;
        let keep = merge_fields(ours, version, &there.json, theirs, false);
        let mut clock = version.clock.clone();
        clock.join(&theirs.clock);
        if keep.conflicts.is_empty() {
            // Field by field, one side may hold everything already.
            let (change, outcome) = if keep.value == *ours {
                (Change::Ours, Outcome::Keep)
            } else if keep.value == there.json {
                (Change::Theirs, Outcome::Take)
            } else {
                (Change::Merged, Outcome::Merged(keep.value.clone()))
            };
            self.say(kind, id, &there.title, change).fields = differences(ours, &keep.value);
            result.versions.insert(
                id,
                Version {
                    clock,
                    fields: keep.fields,
                    overruled: both_overruled(version, theirs),
                    ..Version::default()
                },
            );
            return outcome;
        }
        let taken = merge_fields(ours, version, &there.json, theirs, true);
        let record = self.say(kind, id, &there.title, Change::Conflict);
        record.conflict = Some(ConflictKind::Fields);
        record.fields = differences(&keep.value, &taken.value);
        let chosen = if self.takes_theirs(id) { taken } else { keep };
        // The choice is a new edit here, so that it wins over both versions
        // wherever this one goes next.
        let mut merged = Version {
            clock,
            fields: chosen.fields,
            overruled: both_overruled(version, theirs),
            ..Version::default()
        };
        let dot = merged.bump(&self.replica);
        for slot in &chosen.conflicts {
            merged.fields.insert(slot.clone(), dot.clone());
        }
        result.versions.insert(id, merged);
        Outcome::Merged(chosen.value)
    }

    /// A record of the file that was deleted here. Returns whether it comes
    /// back.
    fn against_tombstone(
        &mut self,
        result: &mut Workspace,
        kind: RecordKind,
        there: &FileRecord,
    ) -> bool {
        let id = there.id;
        let theirs = self.their_version(id).cloned().unwrap_or_default();
        let Some(tombstone) = result.deleted.get_mut(&id) else {
            return false;
        };
        if theirs.clock.within(&tombstone.clock) {
            self.say(kind, id, &there.title, Change::StaysDeleted);
            return false;
        }
        if theirs.saw_deletion(tombstone) {
            // Made knowing the deletion: a restore, taken.
            self.say(kind, id, &there.title, Change::Theirs);
            result.deleted.remove(&id);
            result.versions.insert(id, theirs);
            return true;
        }
        let restore = self.takes_theirs(id);
        self.say(kind, id, &there.title, Change::Conflict).conflict =
            Some(ConflictKind::DeletedHere);
        if restore {
            let mut version = theirs;
            version.overrule(tombstone);
            version.bump(&self.replica);
            result.deleted.remove(&id);
            result.versions.insert(id, version);
        } else {
            // Deleted again, knowing the file's version.
            tombstone.clock.join(&theirs.clock);
            tombstone.dot = tombstone
                .clock
                .bump_past(&self.replica, [&floor(&theirs.overruled, &self.replica)]);
        }
        restore
    }

    /// The file deleted a record that is here. Returns whether it goes.
    fn deletion_of_record(
        &mut self,
        result: &mut Workspace,
        kind: RecordKind,
        id: Uuid,
        title: &str,
        tombstone: &super::Tombstone,
    ) -> bool {
        let mut version = result.versions.get(&id).cloned().unwrap_or_default();
        if version.saw_deletion(tombstone) {
            // Kept or restored here knowing this deletion.
            self.say(kind, id, title, Change::Ours);
            return false;
        }
        let unchanged_since = version.clock.within(&tombstone.clock);
        let delete = if unchanged_since {
            self.say(kind, id, title, Change::Deleted);
            self.replace() || self.choices.chosen(self.part, id) != Some(Resolution::KeepMine)
        } else {
            self.say(kind, id, title, Change::Conflict).conflict = Some(ConflictKind::DeletedThere);
            self.takes_theirs(id)
        };
        if delete {
            let mut gone = tombstone.clone();
            // The deletions the version here stood against are known to this
            // one too: they were deletions of the same record.
            gone.clock.join(&version.overruled);
            if !unchanged_since {
                // Deleted knowing the change here: the deletion covers it.
                gone.clock.join(&version.clock);
                gone.dot = gone
                    .clock
                    .bump_past(&self.replica, [&floor(&version.overruled, &self.replica)]);
            }
            result.versions.remove(&id);
            result.deleted.insert(id, gone);
        } else {
            // Kept knowing the deletion: it wins over it from now on.
            version.overrule(tombstone);
            version.bump(&self.replica);
            result.versions.insert(id, version);
        }
        delete
    }
}

/// One record of the file, as the merge sees it.
struct FileRecord {
    id: Uuid,
    title: String,
    json: Value,
    /// The record with the same id here: its place and JSON.
    here: Option<(usize, Value)>,
}

/// A deletion the file carries for one kind of record.
struct Deletion {
    id: Uuid,
    /// The record here: its place and name.
    here: Option<(usize, String)>,
    tombstone: super::Tombstone,
}

/// What becomes of a record here that the file also holds.
enum Outcome {
    /// It stays as it is.
    Keep,
    /// The file's copy replaces it.
    Take,
    /// It becomes this merge of both.
    Merged(Value),
}

/// What the merge does to the records of one kind.
#[derive(Default)]
struct Plan {
    /// Records here (place) that become the file's record (place there).
    take: Vec<(usize, usize)>,
    /// Records here (place) that become a merge of both.
    replace: Vec<(usize, Value)>,
    /// Places of records here that the file deleted.
    remove: Vec<usize>,
    /// Places in the file of records to add, new or restored.
    add: Vec<usize>,
}

/// The deletions either version was kept against.
fn both_overruled(a: &Version, b: &Version) -> Clock {
    let mut both = a.overruled.clone();
    both.join(&b.overruled);
    both
}

/// The highest count of `replica` in `clock`, as a dot to number past.
fn floor(clock: &Clock, replica: &str) -> super::history::Dot {
    super::history::Dot {
        replica: replica.to_owned(),
        n: clock.get(replica),
    }
}

#[cfg(test)]
mod tests;
