//! Sharing records between workspaces by file: what a file carries
//! ([`Records`]), how a record is recognised across browsers (its stable id
//! and a [`fingerprint`] of its content), the export side ([`export`]) and
//! the merge of an imported file into a workspace ([`merge`], [`diff`]).
//!
//! Why fingerprints: records carry no edit times, so "changed here" and
//! "changed there" are judged against the version both sides last agreed
//! on. Every workspace keeps, per record id, the fingerprint of the version
//! it last took in or saw in a file (its *sync mark*), and sends those marks
//! along in every export. A record whose content equals a marked version has
//! not changed since; if both sides differ from every mark, both changed.

pub mod check;
pub mod diff;
pub mod export;
pub mod fingerprint;
pub mod merge;
pub mod records;

pub use export::{Export, FileKind, PersonalData};
pub use fingerprint::fingerprint;
pub use merge::{Change, ImportMode, MergeChoices, MergePreview, RecordChange, Resolution};
pub use records::{RecordKind, Records, Shared, SyncMarks};
