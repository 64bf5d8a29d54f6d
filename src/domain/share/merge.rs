//! The merge of an imported file into a workspace: first a preview of what
//! would happen, then the change itself.
//!
//! Rules (the module docs of [`super`] explain the sync marks):
//! - a record is matched by its stable id only, so importing never
//!   duplicates a record and importing the same file twice changes nothing
//!   the second time;
//! - a record whose content equals the file's is [`Change::Same`];
//! - if the file's version is one this workspace has already seen, only this
//!   side changed: [`Change::Ours`], kept;
//! - if this side's version is one already agreed, only the file changed:
//!   [`Change::Theirs`], taken;
//! - otherwise both changed: [`Change::Conflict`], kept as here unless the
//!   user takes the file's version;
//! - records only here are never removed by a merge; replacing with a whole
//!   workspace file does remove them.

use super::diff::{FieldChange, differences};
use super::export::{FileKind, PersonalData};
use super::fingerprint::fingerprint;
use super::records::{RecordKind, Records, Shared, SyncMarks};
use crate::domain::survey::{Survey, SurveyAnswer};
use crate::domain::{Profile, ProfileId, Workspace};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use uuid::Uuid;

/// What an import would do to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// Not here yet: added.
    New,
    /// Identical here: nothing to do.
    Same,
    /// Changed in the file only: the file's version is taken.
    Theirs,
    /// Changed here only (the file holds an older version): kept.
    Ours,
    /// Changed both here and in the file: the user chooses.
    Conflict,
}

/// One record of the file, and what the import would do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordChange {
    /// What kind of record.
    pub kind: RecordKind,
    /// Its stable id.
    pub id: Uuid,
    /// Its name in the file.
    pub title: String,
    /// What would happen.
    pub change: Change,
    /// Field by field, here against the file (for `Theirs`, `Ours` and
    /// `Conflict`).
    pub fields: Vec<FieldChange>,
}

/// What importing a file would do, record by record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergePreview {
    /// Every record in the file, by kind, in the file's order.
    pub records: Vec<RecordChange>,
    /// For a whole-workspace file: how many records here are not in the
    /// file (a replace would remove them).
    pub only_here: usize,
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
        self.count(Change::New) + self.count(Change::Theirs) + self.count(Change::Conflict) == 0
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

/// Which version of a conflicting record to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resolution {
    /// This workspace's version (the default).
    #[default]
    KeepMine,
    /// The file's version.
    TakeTheirs,
}

/// The user's choices in the preview.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeChoices {
    /// Merge or replace.
    pub mode: ImportMode,
    /// Conflicts where the user chose a version; the rest keep mine.
    pub resolutions: BTreeMap<Uuid, Resolution>,
}

/// A file's content, ready to merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// What the file holds.
    pub kind: FileKind,
    /// Whether personal data was left out of it (of any of the files, for
    /// several files imported together).
    pub personal_data: PersonalData,
    /// Profiles that come with their personal data although `personal_data`
    /// says it was left out: several files were imported together, and the
    /// last file holding these profiles had it. Empty for a single file.
    pub complete_profiles: BTreeSet<ProfileId>,
    /// Ids of records the file holds but that could not be imported (a
    /// damaged record, one without a name). Replacing the workspace keeps
    /// the copies here: the file has them, only unreadable.
    pub unread: BTreeSet<Uuid>,
    /// For a whole-workspace file: its name, settings and active model (its
    /// record lists are empty; the records are in `records`).
    pub workspace: Option<Workspace>,
    /// The records, with the sender's sync marks.
    pub records: Records,
}

impl Incoming {
    /// Plain records (from a CSV import, say) with no workspace settings.
    pub fn records(kind: FileKind, records: Records) -> Self {
        Self {
            kind,
            personal_data: PersonalData::Included,
            complete_profiles: BTreeSet::new(),
            unread: BTreeSet::new(),
            workspace: None,
            records,
        }
    }

    /// Several files' content as one import. A record in more than one file
    /// is taken from the last; only a single whole-workspace file can
    /// replace the workspace.
    pub fn combine(mut parts: Vec<Incoming>) -> Self {
        if parts.len() == 1 {
            return parts.remove(0);
        }
        let kind = match parts.first().map(|p| p.kind) {
            Some(first)
                if first != FileKind::Workspace && parts.iter().all(|p| p.kind == first) =>
            {
                first
            }
            _ => FileKind::Profiles,
        };
        let personal_data = if parts
            .iter()
            .any(|p| p.personal_data == PersonalData::LeftOut)
        {
            PersonalData::LeftOut
        } else {
            PersonalData::Included
        };
        let mut records = Records::default();
        let mut complete_profiles = BTreeSet::new();
        let mut unread = BTreeSet::new();
        for part in parts {
            unread.extend(part.unread);
            // A profile counts as its last file has it, as push_replacing
            // keeps the last copy.
            for profile in &part.records.profiles {
                if part.personal_data == PersonalData::Included {
                    complete_profiles.insert(profile.id);
                } else {
                    complete_profiles.remove(&profile.id);
                }
            }
            records.sync_marks.extend(part.records.sync_marks);
            push_replacing(&mut records.profiles, part.records.profiles);
            push_replacing(&mut records.worksheets, part.records.worksheets);
            push_replacing(&mut records.models, part.records.models);
            push_replacing(&mut records.surveys, part.records.surveys);
            push_replacing(&mut records.survey_answers, part.records.survey_answers);
        }
        Self {
            kind,
            personal_data,
            complete_profiles,
            unread,
            workspace: None,
            records,
        }
    }

    /// The file's records with what was left out of them filled in from
    /// `here`, so that a file without personal data never erases it.
    fn prepared(&self, here: &Workspace) -> Records {
        let mut records = self.records.clone();
        if self.personal_data == PersonalData::LeftOut {
            for profile in &mut records.profiles {
                if self.complete_profiles.contains(&profile.id) {
                    continue;
                }
                if let Some(ours) = here.profile(profile.id) {
                    restore_personal_data(profile, ours);
                }
            }
        }
        records
    }
}

fn push_replacing<T: Shared>(list: &mut Vec<T>, more: Vec<T>) {
    for record in more {
        match list.iter().position(|r| r.uuid() == record.uuid()) {
            Some(at) => list[at] = record,
            None => list.push(record),
        }
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

/// What importing `incoming` into `here` would do.
pub fn preview(here: &Workspace, incoming: &Incoming) -> MergePreview {
    let records = incoming.prepared(here);
    let mut out = Vec::with_capacity(records.len());
    preview_kind::<Profile>(here, &records, &mut out);
    preview_kind::<crate::domain::icp::Worksheet>(here, &records, &mut out);
    preview_kind::<crate::domain::scoring::ScoringModel>(here, &records, &mut out);
    preview_kind::<Survey>(here, &records, &mut out);
    preview_kind::<SurveyAnswer>(here, &records, &mut out);
    let only_here = match incoming.kind {
        FileKind::Workspace => {
            let in_file: std::collections::HashSet<Uuid> = out
                .iter()
                .map(|r| r.id)
                .chain(incoming.unread.iter().copied())
                .collect();
            count_only_here::<Profile>(here, &in_file)
                + count_only_here::<crate::domain::icp::Worksheet>(here, &in_file)
                + count_only_here::<crate::domain::scoring::ScoringModel>(here, &in_file)
                + count_only_here::<Survey>(here, &in_file)
                + count_only_here::<SurveyAnswer>(here, &in_file)
        }
        _ => 0,
    };
    MergePreview {
        records: out,
        only_here,
    }
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

fn preview_kind<T: Shared>(here: &Workspace, records: &Records, out: &mut Vec<RecordChange>) {
    let index = index_of(T::in_workspace(here));
    for there in T::in_records(records) {
        let ours = index.get(&there.uuid()).map(|&i| &T::in_workspace(here)[i]);
        let change = classify(ours, there, &here.sync_marks, &records.sync_marks);
        let fields = match (change, ours) {
            (Change::Theirs | Change::Ours | Change::Conflict, Some(ours)) => {
                differences(ours, there)
            }
            _ => Vec::new(),
        };
        out.push(RecordChange {
            kind: T::KIND,
            id: there.uuid(),
            title: there.title().to_owned(),
            change,
            fields,
        });
    }
}

fn index_of<T: Shared>(list: &[T]) -> HashMap<Uuid, usize> {
    list.iter()
        .enumerate()
        .map(|(i, r)| (r.uuid(), i))
        .collect()
}

/// Judges one record of the file against this side's version, if any.
fn classify<T: Shared>(
    ours: Option<&T>,
    there: &T,
    marks_here: &SyncMarks,
    marks_there: &SyncMarks,
) -> Change {
    let Some(ours) = ours else {
        return Change::New;
    };
    let (mine, theirs) = (fingerprint(ours), fingerprint(there));
    if mine == theirs {
        return Change::Same;
    }
    let id = there.uuid();
    let agreed = |print: &str| {
        marks_here.get(&id).is_some_and(|m| m == print)
            || marks_there.get(&id).is_some_and(|m| m == print)
    };
    if agreed(&theirs) {
        Change::Ours
    } else if agreed(&mine) {
        Change::Theirs
    } else {
        Change::Conflict
    }
}

/// The workspace after importing `incoming` into `here` with `choices`.
/// `here` itself is not changed, so the caller keeps it as the snapshot
/// that undoes the import.
pub fn apply(here: &Workspace, incoming: &Incoming, choices: &MergeChoices) -> Workspace {
    let records = incoming.prepared(here);
    let mut result = here.clone();
    if let (ImportMode::Replace, Some(theirs)) = (choices.mode, &incoming.workspace) {
        // The file's workspace, under this browser's identity and save count
        // so that other tabs see a newer revision of the same workspace.
        result = theirs.clone();
        result.id = here.id;
        result.created_at = here.created_at;
        result.revision = here.revision;
        result.updated_at = here.updated_at;
        result.last_export = here.last_export.clone();
        result.profiles = records.profiles.clone();
        result.worksheets = records.worksheets.clone();
        result.models = records.models.clone();
        result.surveys = records.surveys.clone();
        result.survey_answers = records.survey_answers.clone();
        result.sync_marks = SyncMarks::new();
        keep_unread::<Profile>(&mut result, here, &incoming.unread);
        keep_unread::<crate::domain::icp::Worksheet>(&mut result, here, &incoming.unread);
        keep_unread::<crate::domain::scoring::ScoringModel>(&mut result, here, &incoming.unread);
        keep_unread::<Survey>(&mut result, here, &incoming.unread);
        keep_unread::<SurveyAnswer>(&mut result, here, &incoming.unread);
    } else {
        apply_kind::<Profile>(&mut result, &records, choices);
        apply_kind::<crate::domain::icp::Worksheet>(&mut result, &records, choices);
        apply_kind::<crate::domain::scoring::ScoringModel>(&mut result, &records, choices);
        apply_kind::<Survey>(&mut result, &records, choices);
        apply_kind::<SurveyAnswer>(&mut result, &records, choices);
    }
    mark_seen::<Profile>(&mut result, &records);
    mark_seen::<crate::domain::icp::Worksheet>(&mut result, &records);
    mark_seen::<crate::domain::scoring::ScoringModel>(&mut result, &records);
    mark_seen::<Survey>(&mut result, &records);
    mark_seen::<SurveyAnswer>(&mut result, &records);
    if result.active_model.is_none() {
        result.active_model = result.models.first().map(|m| m.id);
    }
    result
}

/// Keeps this side's copy of every record the file could not read.
fn keep_unread<T: Shared>(result: &mut Workspace, here: &Workspace, unread: &BTreeSet<Uuid>) {
    if unread.is_empty() {
        return;
    }
    let kept: Vec<T> = T::in_workspace(here)
        .iter()
        .filter(|r| unread.contains(&r.uuid()))
        .filter(|r| !T::in_workspace(result).iter().any(|x| x.uuid() == r.uuid()))
        .cloned()
        .collect();
    T::in_workspace_mut(result).extend(kept);
}

fn apply_kind<T: Shared>(result: &mut Workspace, records: &Records, choices: &MergeChoices) {
    let index = index_of(T::in_workspace(result));
    let mut added: Vec<T> = Vec::new();
    for there in T::in_records(records) {
        let Some(&at) = index.get(&there.uuid()) else {
            // A file that lists one id twice still adds one record.
            if !added.iter().any(|a| a.uuid() == there.uuid()) {
                added.push(there.clone());
            }
            continue;
        };
        let ours = &T::in_workspace(result)[at];
        let take = match classify(Some(ours), there, &result.sync_marks, &records.sync_marks) {
            Change::New | Change::Same => false,
            Change::Theirs => true,
            Change::Ours => choices.mode == ImportMode::Replace,
            Change::Conflict => {
                choices.mode == ImportMode::Replace
                    || choices.resolutions.get(&there.uuid()) == Some(&Resolution::TakeTheirs)
            }
        };
        if take {
            T::in_workspace_mut(result)[at] = there.clone();
        }
    }
    T::in_workspace_mut(result).extend(added);
}

/// Records that this side has now seen the file's version of every record
/// in it, whichever version was kept.
fn mark_seen<T: Shared>(result: &mut Workspace, records: &Records) {
    for there in T::in_records(records) {
        result.sync_marks.insert(there.uuid(), fingerprint(there));
    }
}

#[cfg(test)]
mod tests;
