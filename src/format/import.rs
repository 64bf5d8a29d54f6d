//! Reading a file chosen or dropped by the user: the envelope is checked as
//! for stored data, then every record is read and checked on its own, so
//! that one bad record is skipped or repaired with a reason instead of
//! sinking the whole file.

use super::{FormatError, MAX_FILE_BYTES, Opened, Source, open_envelope};
use crate::domain::json::FromJson;
use crate::domain::share::check::{
    Repair, Skip, check_model, check_named, check_profile, check_survey_answer, check_worksheet,
};
use crate::domain::share::merge::Incoming;
use crate::domain::share::{FileKind, RecordKind, Records, Shared};
use crate::domain::survey::Survey;
use crate::domain::{Timestamp, Workspace};
use serde_json::{Map, Value};
use std::collections::HashSet;
use uuid::Uuid;

/// A file read and checked, ready for the merge preview.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedFile {
    /// The records and what the file says about them.
    pub incoming: Incoming,
    /// When the file was written, if it says.
    pub exported_at: Option<Timestamp>,
    /// Records skipped or repaired, with the reason.
    pub problems: Vec<RecordProblem>,
    /// What migrating an older file changed that the user must hear about.
    pub notes: Vec<super::MigrationNote>,
}

/// A record of a file that was skipped or repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    /// What kind of record.
    pub kind: RecordKind,
    /// Its place in the file's list, from 1.
    pub position: usize,
    /// Its name, if one could be read.
    pub name: Option<String>,
    /// What happened to it.
    pub fault: RecordFault,
}

/// What happened to a record with a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordFault {
    /// Left out of the import.
    Skipped(Skip),
    /// Imported after a repair.
    Repaired(Repair),
}

/// Reads a file's text. Fails only when the envelope itself is bad, or the
/// file holds packed data (browser storage data, never an export).
pub fn decode_file(text: &str) -> Result<ImportedFile, FormatError> {
    check_size(text.len() as u64)?;
    let Opened {
        data,
        notes,
        kind,
        personal_data,
        exported_at,
    } = open_envelope(text, Source::File)?;
    let Value::Object(mut data) = data else {
        return Err(FormatError::InvalidData {
            detail: crate::t!(shell_data_not_an_object).to_owned(),
        });
    };
    let mut problems = Vec::new();
    let mut unread = HashSet::new();
    let records = Records {
        profiles: read_list(&mut data, &mut problems, &mut unread, check_profile),
        worksheets: read_list(&mut data, &mut problems, &mut unread, check_worksheet),
        models: read_list(&mut data, &mut problems, &mut unread, check_model),
        surveys: read_list(&mut data, &mut problems, &mut unread, |s: &mut Survey| {
            check_named(s, |s| &mut s.title)
        }),
        survey_answers: read_list(&mut data, &mut problems, &mut unread, check_survey_answer),
        versions: read_by_id(data.remove("versions")),
        deleted: read_by_id(data.remove("deleted")),
        // Definitions that cannot be read are left out: the values stay on
        // the profiles, unshown until a field with their id arrives.
        custom_fields: data
            .remove("custom_fields")
            .and_then(|v| Vec::from_json(v).ok())
            .unwrap_or_default(),
    };
    let workspace = match kind {
        FileKind::Workspace => Some(Workspace::from_json(Value::Object(data)).map_err(|e| {
            FormatError::InvalidData {
                detail: e.to_string(),
            }
        })?),
        _ => None,
    };
    Ok(ImportedFile {
        incoming: Incoming {
            kind,
            personal_data,
            unread,
            workspace,
            records,
            local_edit: false,
        },
        exported_at,
        problems,
        notes,
    })
}

/// Reads a map keyed by record id (versions, deletions). One that cannot
/// be read is left out whole, which only makes the merge ask about those
/// records instead of deciding alone. (Read as the workspace reads it, so
/// the reading code is compiled once.)
fn read_by_id<T: serde::de::DeserializeOwned + Default>(value: Option<Value>) -> T {
    value
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Refuses a file over [`MAX_FILE_BYTES`]; called with the file's size
/// before it is read, and again on the text.
pub fn check_size(bytes: u64) -> Result<(), FormatError> {
    if bytes > MAX_FILE_BYTES {
        Err(FormatError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        })
    } else {
        Ok(())
    }
}

/// Reads the list of `T` from `data`, record by record. The ids of records
/// left out go to `unread`, when they can be told.
fn read_list<T: Shared>(
    data: &mut Map<String, Value>,
    problems: &mut Vec<RecordProblem>,
    unread: &mut HashSet<Uuid>,
    check: impl Fn(&mut T) -> Result<Vec<Repair>, Skip>,
) -> Vec<T> {
    let items = match data.remove(T::KIND.field()) {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            problems.push(RecordProblem {
                kind: T::KIND,
                position: 0,
                name: None,
                fault: RecordFault::Skipped(Skip::Unreadable(crate::t!(
                    shell_data_field_not_a_list,
                    field = T::KIND.field()
                ))),
            });
            return Vec::new();
        }
    };
    let mut seen: HashSet<Uuid> = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.chars().take(80).collect::<String>());
        let mut problem = |fault| {
            problems.push(RecordProblem {
                kind: T::KIND,
                position: i + 1,
                name: name.clone(),
                fault,
            })
        };
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .and_then(|id| Uuid::parse_str(id).ok());
        let mut record = match T::from_json(item) {
            Ok(record) => record,
            Err(e) => {
                problem(RecordFault::Skipped(Skip::Unreadable(e.to_string())));
                unread.extend(id);
                continue;
            }
        };
        if !seen.insert(record.uuid()) {
            problem(RecordFault::Skipped(Skip::DuplicateId));
            continue;
        }
        match check(&mut record) {
            Ok(repairs) => {
                repairs
                    .into_iter()
                    .for_each(|r| problem(RecordFault::Repaired(r)));
                out.push(record);
            }
            Err(skip) => {
                problem(RecordFault::Skipped(skip));
                unread.insert(record.uuid());
            }
        }
    }
    out
}
